# score
score-no-rating-by-ev-for = no rating by `{ $ev }` for `{ $ind }`
score-value-undetermined = the value is undetermined
score-weighted-ratings-are-too-large = the weighted ratings are too large to add up
