-- session_length_histogram.sql over the sessions mart: a session of one row (not split) has
-- that row's plays; only the few split sessions are grouped.
WITH f AS (
    SELECT * FROM {filtered_sessions} AS m
), per_session AS (
    SELECT plays AS n FROM f WHERE NOT split
    UNION ALL
    SELECT sum(plays) AS n FROM f WHERE split GROUP BY user_id, session_id
), by_length AS (
    SELECT n, count(*) AS sessions FROM per_session GROUP BY n
), bins(ord, label, lo, hi) AS (
    VALUES (1, '1', 1, 1), (2, '2-5', 2, 5), (3, '6-10', 6, 10), (4, '11-20', 11, 20),
           (5, '21-50', 21, 50), (6, '51-100', 51, 100), (7, '>100', 101, NULL)
)
SELECT b.label, b.lo, b.hi, coalesce(sum(l.sessions), 0) AS sessions
FROM bins b
LEFT JOIN by_length l ON l.n >= b.lo AND l.n <= coalesce(b.hi, 9223372036854775807)
GROUP BY b.ord, b.label, b.lo, b.hi
ORDER BY b.ord
