-- Staging holds exactly one load's input. A load first sets the previous load's staging tables
-- aside (renamed *_previous) and creates empty ones (schema.sql then runs again); the staged
-- input is committed on its own, so the star schema is built from committed tables, which DuckDB
-- reads much faster than rows of the same transaction. The load's last transaction drops the
-- *_previous tables (staging_drop_previous.sql); a failed, cancelled or interrupted load puts
-- them back (staging_restore_previous.sql), so the warehouse is as it was before the load.
ALTER TABLE staging_songs RENAME TO staging_songs_previous;
ALTER TABLE staging_events RENAME TO staging_events_previous;
ALTER TABLE rejected_records RENAME TO rejected_records_previous;
