# explain
explain-value-empty-row-label = a value is empty on row { $label }
explain-where-cannot-decided-row-label = the `where` cannot be decided on row { $label }
explain-rule-rule-looks-at-single = rule `{ $rule }` looks at single records; use `--record KEY`
explain-rule-rule-looks-at-groups = rule `{ $rule }` looks at groups; use `--group { $keys }`
explain-over-name = over { $name }
explain-k-not-group-key-rule = `{ $k }` is not a group key of rule `{ $rule }`; its keys are: { $names }
explain-give-every-group-key-missing = give every group key: missing `{ $k }` (keys: { $names })
explain-no-rows-name-fall-group = no rows of `{ $name }` fall in the group { $shown } (while the rule's document is in force and its `where` holds)
explain-no-rows-for-year = no rows for { $year }
explain-undetermined-why = undetermined ({ $why })
explain-no-valid-record-name-has = no valid record of `{ $name }` has the key `{ $key }`
explain-undetermined-ev = undetermined: { $ev }
explain-undetermined-why-2 = undetermined: { $why }
explain-overridden-not-enforced-here-why = overridden: not enforced here, it { $why }
explain-no-document-unsourced = no document (unsourced)
explain-permit-never-violation-by-itself = a permit: never a violation by itself
explain-value-missing = a value is missing
