# testing
testing-program-p = 支援类型 { $p }
testing-pair-supporter-recipient = 结对 { $supporter } -> { $recipient }
testing-cannot-write-test-s-data = 无法写入测试数据：{ $e }
testing-data-row-rejected-message-location = 数据行被拒收：{ $message }（{ $location }）
testing-no-rule-rule = 没有规则 `{ $rule }`
testing-violation-rule-selector = 违规 { $rule }{ $selector }
testing-expected-what-found-none = 预期 { $what }，实际没有
testing-expected-no-what-found-message = 预期没有 { $what }，实际有：{ $message }
testing-score-evaluation-selector-cmp-want = 得分 { $evaluation }{ $selector } { $cmp } { $want }
testing-expected-what-but-there-no = 预期 { $what }，但没有这个分组
testing-expected-what-but-score-undetermined = 预期 { $what }，但得分无法判定
testing-expected-what-found-round = 预期 { $what }，实际为 { $round2 }
testing-expected-no-gap-code-found = 预期没有缺口 { $code }，实际有一个
testing-expected-gap-code-found-none = 预期缺口 { $code }，实际没有
testing-expected-no-conflict-what-found = 预期没有冲突 { $what }，实际有一个
testing-expected-conflict-what-found-none = 预期冲突 { $what }，实际没有
testing-actor-holds-function-for-target = { $actor } 承担针对 { $target } 的 { $function }
