-- The tables among songplays, "time", songs and artists that still have an index-backed key
-- constraint: a warehouse made before these tables lost them (see schema.sql) has them, and they
-- must go before a large load.
SELECT DISTINCT table_name FROM duckdb_constraints()
WHERE table_name IN ('songplays', 'time', 'songs', 'artists') AND constraint_type IN ('PRIMARY KEY', 'UNIQUE')
ORDER BY table_name;
