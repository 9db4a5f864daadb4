-- The load succeeded: the previous load's staging tables go (see staging_set_aside.sql).
DROP TABLE IF EXISTS staging_songs_previous;
DROP TABLE IF EXISTS staging_events_previous;
DROP TABLE IF EXISTS rejected_records_previous;
