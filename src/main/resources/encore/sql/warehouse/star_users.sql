-- users: every non-empty userId seen in any event. Name, gender and level come from the user's
-- latest event (by ts, then session, item, file, line); a later load updates them only when its
-- latest event is newer than the one already recorded.
INSERT INTO users (user_id, first_name, last_name, gender, level, last_event_at)
SELECT userId, latest.firstName, latest.lastName, latest.gender, latest.level, epoch_ms(latest.ts)
FROM (
    SELECT userId,
           arg_max({firstName: firstName, lastName: lastName, gender: gender, level: level, ts: ts},
                   (ts, sessionId, itemInSession, source_file, source_line)) AS latest
    FROM staging_events
    WHERE userId <> ''
    GROUP BY userId
)
ON CONFLICT (user_id) DO UPDATE SET
    first_name    = CASE WHEN excluded.last_event_at >= users.last_event_at THEN coalesce(excluded.first_name, users.first_name) ELSE users.first_name END,
    last_name     = CASE WHEN excluded.last_event_at >= users.last_event_at THEN coalesce(excluded.last_name, users.last_name) ELSE users.last_name END,
    gender        = CASE WHEN excluded.last_event_at >= users.last_event_at THEN coalesce(excluded.gender, users.gender) ELSE users.gender END,
    level         = CASE WHEN excluded.last_event_at >= users.last_event_at THEN excluded.level ELSE users.level END,
    last_event_at = greatest(excluded.last_event_at, users.last_event_at);
