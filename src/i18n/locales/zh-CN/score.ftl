# score
score-no-rating-by-ev-for = `{ $ev }` 没有对 `{ $ind }` 评分
score-value-undetermined = 数值无法判定
score-weighted-ratings-are-too-large = 加权评分过大，无法累加
