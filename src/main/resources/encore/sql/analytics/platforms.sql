-- Plays by platform. The few distinct user agents are counted first; only those are classified.
SELECT {platform} AS label, sum(a.plays) AS plays
FROM (
    SELECT sp.user_agent, count(*) AS plays
    FROM {filtered_plays} AS sp
    GROUP BY sp.user_agent
) a
GROUP BY 1
ORDER BY plays DESC, label
