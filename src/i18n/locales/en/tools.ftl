# tools
tools-document-name = document { $name }
tools-article-doc-number = article { $doc } { $number }
tools-reworded-o = reworded: “{ $o }” → “{ $a }”
tools-threshold-text-oa-text-ob = threshold of `{ $text }`: `{ $oa } { $text2 }` → `{ $ob } { $text3 }`
tools-condition-opt-expr-opt-expr = condition: `{ $opt_expr }` → `{ $opt_expr2 }`
tools-rule-name = rule { $name }
tools-function-for-program-p = { $function } for program { $p }
tools-holder-actor-role-actor-role = holder: `{ $actor }` ({ $role }) → `{ $actor2 }` ({ $role2 })
tools-duty-scope = duty { $scope }
tools-duty-actor-holds-scope = duty { $actor } holds { $scope }
tools-duty-actor-holds-duty-scope = duty { $actor } holds { $duty_scope }
tools-evaluation-name = evaluation { $name }
tools-indicator-eval-i = indicator { $eval }.{ $i }
tools-indicator-eval-ni = indicator { $eval }.{ $ni }
tools-field-removed-f-field-type = field removed: `{ $f }: { $field_type }`
tools-field-added-f-field-type = field added: `{ $f }: { $field_type }`
tools-field-f = field { $f }
