# cli
cli-bad-duikou-lang = 错误：`DUIKOU_LANG` 为 `{ $value }`；请使用 `zh` 或 `en`
cli-error = 错误：{ $message }
cli-warning = 警告：{ $message }
cli-error-at = 错误：{ $message }（{ $place }）
cli-file-error = 错误：`{ $file }`：{ $message }
cli-cannot-write-report = 错误：无法写入报告：{ $reason }
cli-cannot-write = 错误：无法写入 `{ $file }`：{ $reason }
cli-cannot-read = 错误：无法读取 `{ $file }`：{ $reason }
cli-cannot-read-stdin = 错误：无法读取标准输入：{ $reason }
cli-passed-failed = 通过 { $passed } 个，失败 { $failed } 个
cli-coverage-formats = 错误：覆盖率报告只能以 `human`、`json` 或 `markdown` 格式输出
cli-coverage-below = 错误：覆盖率 { $percent }% 低于最低要求 { $min }%
cli-doc-cannot-write = 错误：无法将网站写入 `{ $dir }`：{ $reason }
cli-doc-wrote = 已将 { $files }写入 `{ $dir }`；在浏览器中打开 `{ $index }`
cli-explain-name-rule = 错误：请指明要解释的规则，或使用 `--evaluation 名称`
cli-rules-are = 规则有：{ $names }
cli-no-rule =
    错误：没有规则 `{ $rule }`
      帮助：{ $hint }
cli-explain-no-data =
    错误：没有可用于解释的数据
      帮助：使用 `--data 目录` 或 `--data 名称=文件`
cli-evaluations-are = 考评有：{ $names }
cli-no-evaluation-msg =
    没有考评 `{ $name }`
      帮助：{ $hint }
cli-no-evaluation =
    错误：没有考评 `{ $name }`
      帮助：{ $hint }
cli-evaluation-no-group = 考评 `{ $name }` 没有分组 { $group }
cli-fmt-need-formatting = { $files }中有 { $changed } 个需要格式化
cli-fmt-formatted = 已格式化 { $files }中的 { $changed } 个
cli-fmt-not-utf8 = 错误：`{ $file }` 不是 UTF-8 编码；未作改动
cli-fmt-syntax-errors = 错误：`{ $file }` 有语法错误；未作改动
cli-not-a-date = `{ $value }` 不是日期，日期形如 2026-01-01
cli-matrix-no-sarif = 错误：`--matrix` 没有 SARIF 形式（它不含发现）；要以 SARIF 输出缺口，请去掉 `--matrix`
cli-rules-have-errors = 错误：规则有错误；请先修正，再{ $what }
cli-found = 发现 { $found }：{ $counts }
cli-no-evaluations = 错误：规则中没有声明考评
cli-score-no-data =
    错误：没有可评分的数据
      帮助：使用 `--data 目录` 或 `--data 名称=文件`
cli-test-markdown-needs-coverage = 错误：`--format markdown` 用于覆盖率报告：请加 `--coverage`
cli-test-ok = 通过{"  "}
cli-test-failed = 失败{"  "}
cli-xlsx-needs-output = 错误：`--format xlsx` 输出工作簿：请用 `-o` 指定文件名，例如 `-o 报告.xlsx`
cli-cannot-make-workbook = 错误：无法生成工作簿：{ $reason }
cli-before-explaining = 解释规则
cli-before-publishing = 发布
cli-before-testing = 运行测试
cli-before-gaps = 查找缺口
cli-before-conflicts = 查找冲突
cli-before-scoring = 评分
cli-before-comparing = 比较
