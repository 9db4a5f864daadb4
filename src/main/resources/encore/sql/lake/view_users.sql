-- A lake opened read-only: users as a view over its Parquet files, with the warehouse's column
-- names, order and types (UTC instants back to TIMESTAMP in UTC, partition values typed).
CREATE VIEW users AS
SELECT user_id, first_name, last_name, gender, level, make_timestamp(epoch_us(last_event_at)) AS last_event_at
FROM read_parquet([files]);
