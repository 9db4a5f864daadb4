-- users into the lake: one file, unpartitioned.
COPY (
    SELECT user_id, first_name, last_name, gender, level, make_timestamptz(epoch_us(last_event_at)) AS last_event_at
    FROM users
    ORDER BY user_id
) TO [path] (FORMAT parquet, COMPRESSION {compression}, RETURN_STATS true);
