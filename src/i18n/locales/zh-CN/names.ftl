# names
names-built-name = 内置名称
names-what-declared-again-here = { $what } 在此再次声明
names-again-here = 在此再次出现
names-choose-another-name = 换一个名称
names-all-rule-files-share-one = 所有规则文件共用一个命名空间：重命名其中一个
names-number-each-article-once-merge = 每条只编号一次；合并其各项内容
names-first-here = 首次在此
names-national-built-cannot-declared = `national` 是内置名称，不能声明
names-name-declared-twice = `{ $name }` 声明了两次
names-article-number-appears-twice-document = 第 { $number } 条在文件 `{ $d }` 中出现了两次
names-did-you-mean-c = 是否要写 `{ $c }`？
names-fields-rec-fields = `{ $rec }` 的字段：{ $fields }
