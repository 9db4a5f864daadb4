-- Copies every row into the new unindexed tables and drops the old ones.
INSERT INTO songplays SELECT * FROM songplays_indexed;
INSERT INTO "time" SELECT * FROM time_indexed;
DROP TABLE songplays_indexed;
DROP TABLE time_indexed;
