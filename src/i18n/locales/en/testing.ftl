# testing
testing-program-p = program { $p }
testing-pair-supporter-recipient = pair { $supporter } -> { $recipient }
testing-cannot-write-test-s-data = cannot write the test's data: { $e }
testing-data-row-rejected-message-location = a data row is rejected: { $message } ({ $location })
testing-no-rule-rule = no rule `{ $rule }`
testing-violation-rule-selector = violation { $rule }{ $selector }
testing-expected-what-found-none = expected { $what }, found none
testing-expected-no-what-found-message = expected no { $what }, found: { $message }
testing-score-evaluation-selector-cmp-want = score { $evaluation }{ $selector } { $cmp } { $want }
testing-expected-what-but-there-no = expected { $what }, but there is no such group
testing-expected-what-but-score-undetermined = expected { $what }, but the score is undetermined
testing-expected-what-found-round = expected { $what }, found { $round2 }
testing-expected-no-gap-code-found = expected no gap { $code }, found one
testing-expected-gap-code-found-none = expected gap { $code }, found none
testing-expected-no-conflict-what-found = expected no conflict { $what }, found one
testing-expected-conflict-what-found-none = expected conflict { $what }, found none
testing-actor-holds-function-for-target = { $actor } holds { $function } for { $target }
