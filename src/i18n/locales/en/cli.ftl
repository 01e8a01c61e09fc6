# cli
cli-bad-duikou-lang = error: `DUIKOU_LANG` is `{ $value }`; use `zh` or `en`
cli-error = error: { $message }
cli-warning = warning: { $message }
cli-error-at = error: { $message } ({ $place })
cli-file-error = error: `{ $file }`: { $message }
cli-cannot-write-report = error: cannot write the report: { $reason }
cli-cannot-write = error: cannot write `{ $file }`: { $reason }
cli-cannot-read = error: cannot read `{ $file }`: { $reason }
cli-cannot-read-stdin = error: cannot read standard input: { $reason }
cli-passed-failed = { $passed } passed, { $failed } failed
cli-coverage-formats = error: the coverage report is written as `human`, `json` or `markdown`
cli-coverage-below = error: coverage { $percent }% is below the minimum { $min }%
cli-doc-cannot-write = error: cannot write the site into `{ $dir }`: { $reason }
cli-doc-wrote = wrote { $files } into `{ $dir }`; open `{ $index }` in a browser
cli-explain-name-rule = error: name the rule to explain, or pass `--evaluation NAME`
cli-rules-are = rules are: { $names }
cli-no-rule =
    error: no rule `{ $rule }`
      help: { $hint }
cli-explain-no-data =
    error: no data to explain with
      help: pass `--data DIR` or `--data NAME=FILE`
cli-evaluations-are = evaluations are: { $names }
cli-no-evaluation-msg =
    no evaluation `{ $name }`
      help: { $hint }
cli-no-evaluation =
    error: no evaluation `{ $name }`
      help: { $hint }
cli-evaluation-no-group = evaluation `{ $name }` has no group { $group }
cli-fmt-need-formatting = { $changed } of { $files } need formatting
cli-fmt-formatted = { $changed } of { $files } formatted
cli-fmt-not-utf8 = error: `{ $file }` is not UTF-8; it is left unchanged
cli-fmt-syntax-errors = error: `{ $file }` has syntax errors; it is left unchanged
cli-not-a-date = `{ $value }` is not a date like 2026-01-01
cli-matrix-no-sarif = error: `--matrix` has no SARIF form (it holds no findings); drop `--matrix` for the gaps as SARIF
cli-rules-have-errors = error: the rules have errors; fix them before { $what }
cli-found = { $found } found: { $counts }
cli-no-evaluations = error: the rules declare no evaluation
cli-score-no-data =
    error: no data to score
      help: pass `--data DIR` or `--data NAME=FILE`
cli-test-markdown-needs-coverage = error: `--format markdown` is for the coverage report: add `--coverage`
cli-test-ok = ok{"    "}
cli-test-failed = FAILED
cli-xlsx-needs-output = error: `--format xlsx` writes a workbook: name the file with `-o`, e.g. `-o 报告.xlsx`
cli-cannot-make-workbook = error: cannot make the workbook: { $reason }
cli-before-explaining = explaining a rule
cli-before-publishing = publishing them
cli-before-testing = running their tests
cli-before-gaps = looking for gaps
cli-before-conflicts = looking for conflicts
cli-before-scoring = scoring
cli-before-comparing = comparing them
