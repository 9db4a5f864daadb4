-- Headline numbers: plays, distinct listeners, distinct sessions (user + session id), paid share.
-- One pass: plays are grouped per session first, and the rest is summed over the sessions.
SELECT coalesce(sum(s.plays), 0)                           AS plays,
       count(DISTINCT s.user_id)                           AS listeners,
       count(*)                                            AS sessions,
       coalesce(sum(s.paid) / nullif(sum(s.plays), 0), 0)  AS paid_share
FROM (
    SELECT sp.user_id, sp.session_id, count(*) AS plays, count(*) FILTER (WHERE sp.level = 'paid') AS paid
    FROM {filtered_plays} AS sp
    GROUP BY sp.user_id, sp.session_id
) s
