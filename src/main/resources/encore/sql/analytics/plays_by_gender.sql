-- Plays by the listener's gender (as users holds it; 'unknown' when NULL).
SELECT coalesce(u.gender, 'unknown') AS label, sum(p.plays) AS plays
FROM (
    SELECT sp.user_id, count(*) AS plays
    FROM {filtered_plays} AS sp
    GROUP BY sp.user_id
) p
LEFT JOIN users u ON u.user_id = p.user_id
GROUP BY 1
ORDER BY plays DESC, label
