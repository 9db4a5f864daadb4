-- A lake opened read-only: time as a view over its Parquet files, with the warehouse's column
-- names, order and types (UTC instants back to TIMESTAMP in UTC, partition values typed).
CREATE VIEW "time" AS
SELECT make_timestamp(epoch_us(start_time)) AS start_time, hour, day, week, month, year, weekday
FROM read_parquet([files], hive_partitioning = true, hive_types = {'year': INTEGER, 'month': INTEGER});
