-- One row of run history per successful load.
INSERT INTO etl_runs (run_id, started_at, finished_at, song_files, log_files, staged_songs, staged_events,
                      rejected, new_songplays, checks_passed)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?);
