-- Index-backed constraints on songplays and "time": a warehouse made before these tables lost them
-- (see schema.sql) still has them, and they must go before a large load.
SELECT count(*) FROM duckdb_constraints()
WHERE table_name IN ('songplays', 'time') AND constraint_type IN ('PRIMARY KEY', 'UNIQUE');
