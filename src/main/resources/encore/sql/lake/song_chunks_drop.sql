-- The classic export's working copy of the songs is dropped when it is done.
DROP TABLE IF EXISTS lake_songs;
