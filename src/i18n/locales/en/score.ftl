# score
score-no-rating-by-ev-for = no rating by `{ $ev }` for `{ $ind }`
score-value-undetermined = the value is undetermined
score-weighted-ratings-are-too-large = the weighted ratings are too large to add up
score-col-group = group
score-col-score = score
score-col-grade = grade
score-col-rank = rank
score-heading = evaluation { $evaluation }{ $title }: value → attainment per indicator (weight)
score-summary = { $groups }: { $scored } scored, { $undetermined } undetermined
score-col-rank-within = rank within { $keys }
score-within-parts = within { $parts }
