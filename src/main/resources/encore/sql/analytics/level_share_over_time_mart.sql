-- level_share_over_time.sql over the hours mart.
SELECT m.day,
       coalesce(sum(m.plays) FILTER (WHERE m.level = 'free'), 0) AS free_plays,
       coalesce(sum(m.plays) FILTER (WHERE m.level = 'paid'), 0) AS paid_plays
FROM {filtered_hours} AS m
GROUP BY m.day
ORDER BY m.day
