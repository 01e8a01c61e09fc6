# names
names-built-name = built-in name
names-what-declared-again-here = { $what } declared again here
names-again-here = again here
names-choose-another-name = choose another name
names-all-rule-files-share-one = all rule files share one namespace: rename one of the two
names-number-each-article-once-merge = number each article once; merge their items
names-first-here = first here
names-national-built-cannot-declared = `national` is built in and cannot be declared
names-name-declared-twice = `{ $name }` is declared twice
names-article-number-appears-twice-document = article { $number } appears twice in document `{ $d }`
names-did-you-mean-c = did you mean `{ $c }`?
names-fields-rec-fields = fields of `{ $rec }`: { $fields }
