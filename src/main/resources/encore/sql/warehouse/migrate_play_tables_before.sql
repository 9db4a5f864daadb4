-- Moves the indexed songplays and "time" aside; schema.sql then creates them without indexes.
ALTER TABLE songplays RENAME TO songplays_indexed;
ALTER TABLE "time" RENAME TO time_indexed;
