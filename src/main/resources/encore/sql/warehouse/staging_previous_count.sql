-- How many of the previous load's staging tables are set aside (3 while a load runs or after an
-- interrupted one, 0 otherwise; see staging_set_aside.sql).
SELECT count(*) FROM duckdb_tables()
WHERE schema_name = 'main' AND table_name IN ('staging_songs_previous', 'staging_events_previous', 'rejected_records_previous');
