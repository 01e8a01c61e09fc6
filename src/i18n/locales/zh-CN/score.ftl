# score
score-no-rating-by-ev-for = `{ $ev }` 没有对 `{ $ind }` 评分
score-value-undetermined = 数值无法判定
score-weighted-ratings-are-too-large = 加权评分过大，无法累加
score-col-group = 分组
score-col-score = 得分
score-col-grade = 等次
score-col-rank = 排名
score-heading = 考评 { $evaluation }{ $title }：各指标的数值 → 达成度（权重）
score-summary = { $groups }：已评分 { $scored } 组，无法判定 { $undetermined } 组
score-col-rank-within = 排名（按 { $keys }）
score-within-parts = （按 { $parts }）
