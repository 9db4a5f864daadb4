-- A lake opened read-only: artists as a view over its Parquet files, with the warehouse's column
-- names, order and types (UTC instants back to TIMESTAMP in UTC, partition values typed).
CREATE VIEW artists AS
SELECT artist_id, name, location, latitude, longitude
FROM read_parquet([files]);
