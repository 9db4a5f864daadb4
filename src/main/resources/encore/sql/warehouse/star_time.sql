-- time: one row per distinct songplay start_time (UTC), with its calendar parts.
INSERT INTO "time" (start_time, hour, day, week, month, year, weekday)
SELECT start_time, hour(start_time), day(start_time), week(start_time), month(start_time),
       year(start_time), isodow(start_time)
FROM (SELECT DISTINCT start_time FROM songplays) sp
ANTI JOIN "time" t ON t.start_time = sp.start_time;
