# tools
tools-document-name = 文件 { $name }
tools-article-doc-number = 条款 { $doc } { $number }
tools-reworded-o = 措辞修改：“{ $o }” → “{ $a }”
tools-threshold-text-oa-text-ob = `{ $text }` 的门槛：`{ $oa } { $text2 }` → `{ $ob } { $text3 }`
tools-condition-opt-expr-opt-expr = 条件：`{ $opt_expr }` → `{ $opt_expr2 }`
tools-rule-name = 规则 { $name }
tools-function-for-program-p = 针对支援类型 { $p } 的 { $function }
tools-holder-actor-role-actor-role = 承担者：`{ $actor }`（{ $role }）→ `{ $actor2 }`（{ $role2 }）
tools-duty-scope = 职责 { $scope }
tools-duty-actor-holds-scope = 职责 { $actor } 承担 { $scope }
tools-duty-actor-holds-duty-scope = 职责 { $actor } 承担 { $duty_scope }
tools-evaluation-name = 考评 { $name }
tools-indicator-eval-i = 指标 { $eval }.{ $i }
tools-indicator-eval-ni = 指标 { $eval }.{ $ni }
tools-field-removed-f-field-type = 删除字段：`{ $f }: { $field_type }`
tools-field-added-f-field-type = 新增字段：`{ $f }: { $field_type }`
tools-field-f = 字段 { $f }
