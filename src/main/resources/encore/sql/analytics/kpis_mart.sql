-- kpis.sql over the sessions mart. Sessions of one row (not split) count one each; only the few
-- split sessions are grouped.
WITH f AS (
    SELECT * FROM {filtered_sessions} AS m
), totals AS (
    SELECT coalesce(sum(plays), 0)                              AS plays,
           coalesce(sum(plays) FILTER (WHERE level = 'paid'), 0) AS paid,
           count(DISTINCT user_id)                              AS listeners,
           count(*) FILTER (WHERE NOT split)                    AS whole_sessions
    FROM f
), split_sessions AS (
    SELECT count(*) AS n FROM (SELECT DISTINCT user_id, session_id FROM f WHERE split)
)
SELECT t.plays, t.listeners, t.whole_sessions + s.n AS sessions,
       coalesce(t.paid / nullif(t.plays, 0), 0) AS paid_share
FROM totals t, split_sessions s
