-- Offending count: songplays whose start_time is not in time.
SELECT count(*) FROM songplays sp ANTI JOIN "time" t ON t.start_time = sp.start_time;
