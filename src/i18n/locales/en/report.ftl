# report
noun-error =
    { $n ->
        [one] { $n } error
       *[other] { $n } errors
    }
noun-warning =
    { $n ->
        [one] { $n } warning
       *[other] { $n } warnings
    }
noun-info =
    { $n ->
        [one] { $n } info
       *[other] { $n } infos
    }
noun-gap =
    { $n ->
        [one] { $n } gap
       *[other] { $n } gaps
    }
noun-conflict =
    { $n ->
        [one] { $n } conflict
       *[other] { $n } conflicts
    }
noun-row =
    { $n ->
        [one] { $n } row
       *[other] { $n } rows
    }
noun-group =
    { $n ->
        [one] { $n } group
       *[other] { $n } groups
    }
noun-record =
    { $n ->
        [one] { $n } record
       *[other] { $n } records
    }
noun-violation =
    { $n ->
        [one] { $n } violation
       *[other] { $n } violations
    }
noun-title-row =
    { $n ->
        [one] { $n } title row
       *[other] { $n } title rows
    }
noun-totals-row =
    { $n ->
        [one] { $n } totals row
       *[other] { $n } totals rows
    }
noun-data-row =
    { $n ->
        [one] { $n } data row
       *[other] { $n } data rows
    }
noun-data-file =
    { $n ->
        [one] { $n } data file
       *[other] { $n } data files
    }
noun-data-problem =
    { $n ->
        [one] { $n } data problem
       *[other] { $n } data problems
    }
noun-undetermined-result =
    { $n ->
        [one] { $n } undetermined result
       *[other] { $n } undetermined results
    }
noun-rule-file-problem =
    { $n ->
        [one] { $n } rule-file problem
       *[other] { $n } rule-file problems
    }
noun-line =
    { $n ->
        [one] { $n } line
       *[other] { $n } lines
    }
noun-test =
    { $n ->
        [one] { $n } test
       *[other] { $n } tests
    }
noun-file =
    { $n ->
        [one] { $n } file
       *[other] { $n } files
    }
report-count-line = { $errors }, { $warnings }
report-count-line-infos = { $errors }, { $warnings }, { $infos }
report-note = note
report-help = help
report-witness = witness
report-witness-paste = witness, ready to paste as a test
severity-error = error
severity-warning = warning
severity-info = info
kind-rule-file = rule file
kind-data = data
kind-violation = violation
kind-conflict = conflict
kind-gap = gap
kind-undetermined = undetermined
kind-overridden = overridden
answer-rule-files = rule files
answer-data = data
answer-rows = rows
answer-rows-read-checked-rejected = { $read } read, { $ok } checked, { $rejected } rejected{ $not_data }
answer-data-not-checked = not checked: the rule files have errors
answer-data-none = none: pass `--data DIR`, `--data FILE` or `--data NAME=FILE`, or keep the files in a `data/` folder inside the rule folder you check
answer-col-rule = rule
answer-col-article = article
answer-col-checked = checked
answer-col-passed = passed
answer-col-violations = violations
answer-col-undetermined = undetermined
answer-col-overridden = overridden
answer-incomplete-mark = {" "}(incomplete)
answer-rule-incomplete = { $rule } is incomplete: { $files } could not be read in full
answer-none = none
answer-shows-witness = `{ $command }` shows the witness
answer-explains-it = `{ $command }` explains it
answer-and-more = … and { $more } more of { $label } — { $command }
answer-heading-checked = checked
answer-heading-rules = rules
answer-heading-problems = problems in the rule files
answer-heading-gaps-conflicts = gaps and conflicts
answer-heading-findings = findings, worst first
answer-total = total: { $counts }
noun-actor =
    { $n ->
        [one] { $n } actor
       *[other] { $n } actors
    }
noun-program =
    { $n ->
        [one] { $n } program
       *[other] { $n } programs
    }
noun-function =
    { $n ->
        [one] { $n } function
       *[other] { $n } functions
    }
noun-document =
    { $n ->
        [one] { $n } document
       *[other] { $n } documents
    }
noun-article =
    { $n ->
        [one] { $n } article
       *[other] { $n } articles
    }
noun-pair =
    { $n ->
        [one] { $n } pair
       *[other] { $n } pairs
    }
noun-duty =
    { $n ->
        [one] { $n } duty
       *[other] { $n } duties
    }
noun-rule =
    { $n ->
        [one] { $n } rule
       *[other] { $n } rules
    }
noun-evaluation =
    { $n ->
        [one] { $n } evaluation
       *[other] { $n } evaluations
    }
list-sep = {", "}
list-sep-strong = {"; "}
overview-all-lists-every-finding = --all lists every finding
overview-unsourced = unsourced
overview-lists-them = `{ $command }` lists them
overview-exit-2 = exit 2: the input could not be fully processed — { $causes }; fix it and run again
overview-exit-1 = exit 1: findings of severity error — { $causes }
overview-exit-0-warnings = exit 0: no findings of severity error (warnings do not fail the check; `--deny-warnings` makes them errors)
overview-exit-0 = exit 0: no findings of severity error
overview-cause-rule-errors = { $errors } in the rule files, so gaps, conflicts and data were not checked
overview-cause-rows-rejected = { $rows } rejected (every other row was checked)
overview-cause-files-unread = { $files } could not be read in full
list-and = {" "}and{" "}
data-report-record-subject = record { $record }{ $at }
data-report-more-rejected = … and { $n } more rejected rows (raise --max-errors to list them)
data-report-rows = rows: { $read } read, { $checked } checked, { $rejected } rejected{ $not_data }
data-report-rule-line = rule { $rule }{ $title } — { $basis } ({ $place })
data-report-exempted = , { $n } exempted by unless
data-report-overridden = , { $n } overridden
data-report-outside-period = , { $records } outside the document's period
data-report-rule-counts = { $checked } checked: { $passed } passed, { $violations }, { $undetermined } undetermined{ $extra }
data-report-incomplete = incomplete: { $files } could not be read in full (see the data problems)
data-report-not-data = ; { $parts } not data
report-s-group-text-undetermined-why = `{ $s }` of { $group_text } is undetermined: { $why }
report-replace-old-with-new = replace `{ $old }` with `{ $new }`
report-test-t-passed = test `{ $t }` passed
report-test-t-failed-t = test `{ $t }` failed: { $t2 }
html-receipt = Receipt
html-summary = Summary
html-charts = Charts
html-rules-gaps-conflicts = Rules, gaps and conflicts
html-findings = Findings
html-scores = Scores
html-caption-rules = One row per rule: groups or records checked, and what the data gave
html-caption-codes = Gaps, conflicts and rule-file problems, by code and severity
html-caption-findings-worst = Every finding, worst first (click a heading to sort)
html-caption-findings = Every finding (click a heading to sort)
html-caption-scores = Value → attainment per indicator, score, grade and rank (click a heading to sort)
html-chart-violations-by-rule = Violations by rule
html-chart-compliance-by-pairing = Compliance by pairing
html-chart-matrix = Responsibility matrix
md-checked = Checked
md-rule-files = Rule files
md-data = Data
md-rows = Rows
md-not-checked = not checked: the rule files have errors
md-none-given = none given
md-rules = Rules
md-gaps-conflicts = Gaps and conflicts
md-none = None.
md-findings = Findings, worst first
md-total = Total
md-codes-head = | code | severity | count | meaning |
md-rules-head = | rule | article | checked | passed | violations | undetermined | overridden |
md-findings-head = | severity | kind | what | where | finding |
md-and-more = … and { $more } more ({ $command })
xlsx-summary = Summary
xlsx-data-problems = Data problems
xlsx-diagnostics = Rule diagnostics
xlsx-rule = Rule
xlsx-title = Title
xlsx-article = Article
xlsx-checked = Checked
xlsx-passed = Passed
xlsx-violations = Violations
xlsx-undetermined = Undetermined
xlsx-exempted = Exempted
xlsx-not-in-force = Not in force
xlsx-overridden = Overridden
xlsx-kind = Kind
xlsx-severity = Severity
xlsx-group = Group or record
xlsx-value = Value
xlsx-message = Message
xlsx-data-file = Data file
xlsx-row = Row
xlsx-code = Code
xlsx-file = File
xlsx-column = Column
xlsx-field = Field
xlsx-help = Help
xlsx-rank = Rank
xlsx-rank-within = Rank (within { $keys })
xlsx-key-separator = ,{" "}
xlsx-indicator-value = { $name } value
xlsx-indicator-attainment = { $name } attainment
xlsx-score = Score
xlsx-grade = Grade
html-filter = filter
html-filter-placeholder = text in any column
html-severity-all = all
html-severity-error = error
html-severity-warning = warning
html-severity-info = info
html-head-rule = rule
html-head-article = article
html-head-checked = checked
html-head-passed = passed
html-head-violations = violations
html-head-undetermined = undetermined
html-head-overridden = overridden
html-head-code = code
html-head-severity = severity
html-head-count = count
html-head-meaning = meaning
html-head-kind = kind
html-head-rule-or-code = rule or code
html-head-where = where
html-head-rows = rows
html-head-finding = finding
html-head-years = years
html-head-group = group
html-head-score = score
html-head-grade = grade
html-undetermined = undetermined
html-not-checked = Not checked
html-not-checked-why = the rule files have errors, so gaps, conflicts and data were not checked; the findings below say what to fix
html-no-data-to-check = the rules have no data to check
html-no-pairs-declared = no pairs are declared
html-no-group-has-value = no group has a value
html-no-groups = no groups
html-no-active-program-or-pair = no active program or pair
html-at-most = at most
html-at-least = at least
html-no-finding = no finding
html-chart-against-target = { $indicator } against its target ({ $evaluation })
html-chart-against-target-caption = { $indicator }: value per pairing and year (● meets the target, ✕ misses it); the line is the target, { $cmp } { $target }%.
html-chart-score-distribution = Score distribution ({ $evaluation })
html-chart-grades-by-pairing = Grades by pairing ({ $evaluation })
html-chart-by-code = { $noun ->
        [gap] Gaps
       *[conflict] Conflicts
    } by code
html-none-found = { $noun ->
        [gap] no gaps found
       *[conflict] no conflicts found
    }
html-caption-violations-by-rule = Violations per rule — of severity error hatched, of lower severity dotted — and undetermined cases (lined); the number is their sum.
html-caption-compliance-by-pairing = Supporters down, recipients across; the worst verdict of the group-level rules: ✗ violation (error), ! violation (warning), ? undetermined, ✓ no finding.
html-caption-score-distribution = Groups per band of ten points, best band first; the number is the count of groups.
html-caption-grades-by-pairing = Pairings down, years across; each cell the grade (? undetermined).
html-caption-matrix = Who holds each function: L legal basis, P political basis only (G003), — unheld (G001).
html-caption-by-code = Errors hatched, warnings dotted, infos lined; the number is the total.
