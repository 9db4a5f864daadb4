-- The dashboard filter over a dashboard mart (see warehouse/star_marts.sql): the same
-- parameters, in the same order, as filtered_plays, on the mart's day, level and gender.
SELECT m.*
FROM {mart} m
WHERE (CAST(? AS DATE) IS NULL OR m.day >= CAST(? AS DATE))
  AND (CAST(? AS DATE) IS NULL OR m.day <= CAST(? AS DATE))
  AND (CAST(? AS VARCHAR) IS NULL OR m.level = ?)
  AND (CAST(? AS VARCHAR) IS NULL OR m.gender = ?)
