-- Staging holds exactly one load's input: emptied at the start of every load.
DELETE FROM staging_songs;
DELETE FROM staging_events;
DELETE FROM rejected_records;
