-- kpis.sql over the sessions mart: a session's plays are summed over its days and levels first.
SELECT coalesce(sum(s.plays), 0)                           AS plays,
       count(DISTINCT s.user_id)                           AS listeners,
       count(*)                                            AS sessions,
       coalesce(sum(s.paid) / nullif(sum(s.plays), 0), 0)  AS paid_share
FROM (
    SELECT m.user_id, m.session_id, sum(m.plays) AS plays, coalesce(sum(m.plays) FILTER (WHERE m.level = 'paid'), 0) AS paid
    FROM {filtered_sessions} AS m
    GROUP BY m.user_id, m.session_id
) s
