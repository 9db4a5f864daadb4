-- A load failed, was cancelled or was interrupted after its input was staged: its staging tables
-- go and the previous load's come back (see staging_set_aside.sql).
DROP TABLE staging_songs;
DROP TABLE staging_events;
DROP TABLE rejected_records;
ALTER TABLE staging_songs_previous RENAME TO staging_songs;
ALTER TABLE staging_events_previous RENAME TO staging_events;
ALTER TABLE rejected_records_previous RENAME TO rejected_records;
