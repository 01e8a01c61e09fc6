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
diff-added = 新增
diff-removed = 删除
diff-changed = 修改
diff-appeared = 出现
diff-disappeared = 消失
diff-documents-articles = 文件与条款
diff-norms = 规范
diff-gaps-conflicts = 缺口与冲突
hover-declared-in = 声明于 `{ $file }` 第 { $line } 行
hover-field-of = 记录 `{ $record }` 的字段：{ $ty }
hover-field-key = ，键
hover-field-time = ，时间
hover-title = 标题
hover-kind = 类型
hover-level = 级别
hover-region = 地区
hover-of = 隶属
hover-until = 存续至
hover-aliases = 别名
hover-duties = 职责
hover-pairs = 结对
hover-duty = 职责
hover-target-program = 支援类型 `{ $name }`
hover-target-pair = 结对 `{ $supporter }` -> `{ $recipient }`{ $program }
hover-in-program = （属于 `{ $name }`）
hover-role-lead = 牵头
hover-role-support = 配合
hover-holds = 承担 `{ $function }`，针对 { $target }{ $years }，作为 { $role }
hover-from-year = {" "}自 { $year } 年
hover-until-year = {" "}至 { $year } 年
hover-pair-line = `{ $supporter }` -> `{ $recipient }` 属于 `{ $program }`{ $years }
hover-no-level = 未定级别
hover-in-force = ，有效期 { $period }
hover-and = 、
hover-issued-by = ，由 { $names } 发布
hover-from-until = 自 { $from } 至 { $to }
hover-from = 自 { $from } 起
hover-unsourced = 无出处：在任何文件之外陈述，因此没有法律依据
hover-document-article = 文件 `{ $document }` 第 { $article } 条
hover-article-of = `{ $document }` 第 { $article } 条
completion-value = 取值
completion-keyword = 关键字
completion-built-in-actor = 内置主体
completion-declaration = { $kind ->
        [actor] 主体
        [program] 支援类型
        [function] 职能
        [record] 记录
        [document] 文件
        [rule] 规则
        [evaluation] 考评
       *[other] { $kind }
    }
completion-field-of = `{ $record }` 的字段
completion-function = 函数
lsp-replace-with = 改为 `{ $word }`
lsp-write-in-backticks = 将 `{ $word }` 写在反引号中
lsp-write = 改写为 `{ $text }`
lsp-make-lead = 将 `{ $actor }` 设为牵头单位：加上 `{ $code }`
