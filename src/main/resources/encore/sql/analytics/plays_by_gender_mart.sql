-- plays_by_gender.sql over the hours mart (which keeps the user's gender as in users).
SELECT coalesce(m.gender, 'unknown') AS label, sum(m.plays) AS plays
FROM {filtered_hours} AS m
GROUP BY 1
ORDER BY plays DESC, label
