-- A landed run's check outcome, and when the run finished (its checks included).
UPDATE etl_runs SET checks_passed = ?, finished_at = ? WHERE run_id = ?;
