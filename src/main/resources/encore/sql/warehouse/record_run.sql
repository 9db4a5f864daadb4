-- One row of run history per load that lands, written as it lands; checks_passed stays NULL until
-- the checks that follow have run (record_checks.sql).
INSERT INTO etl_runs (run_id, started_at, finished_at, song_files, log_files, staged_songs, staged_events,
                      rejected, new_songplays, checks_passed)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, NULL);
