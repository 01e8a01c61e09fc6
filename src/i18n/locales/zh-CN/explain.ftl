# explain
explain-value-empty-row-label = 第 { $label } 行有值为空
explain-where-cannot-decided-row-label = 第 { $label } 行的 `where` 无法判定
explain-rule-rule-looks-at-single = 规则 `{ $rule }` 针对单条记录；请用 `--record 键`
explain-rule-rule-looks-at-groups = 规则 `{ $rule }` 针对分组；请用 `--group { $keys }`
explain-over-name = 范围 { $name }
explain-k-not-group-key-rule = `{ $k }` 不是规则 `{ $rule }` 的分组键；其分组键有：{ $names }
explain-give-every-group-key-missing = 请给出每个分组键：缺少 `{ $k }`（分组键：{ $names }）
explain-no-rows-name-fall-group = `{ $name }` 没有行落在分组 { $shown } 中（在规则所在文件有效且其 `where` 成立时）
explain-no-rows-for-year = { $year } 年没有行
explain-undetermined-why = 无法判定（{ $why }）
explain-no-valid-record-name-has = `{ $name }` 没有键为 `{ $key }` 的有效记录
explain-undetermined-ev = 无法判定：{ $ev }
explain-undetermined-why-2 = 无法判定：{ $why }
explain-overridden-not-enforced-here-why = 不予适用：在此不予适用，因其 { $why }
explain-no-document-unsourced = 无文件（无出处）
explain-permit-never-violation-by-itself = 允许性规定：本身永远不构成违规
explain-value-missing = 缺少数值
