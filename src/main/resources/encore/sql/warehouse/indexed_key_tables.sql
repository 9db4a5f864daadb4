-- The tables among songplays, "time", songs and artists (of this warehouse's main schema) that
-- still have an index-backed key constraint: a warehouse made before these tables lost them (see
-- schema.sql) has them, and they must go before a large load.
SELECT DISTINCT table_name FROM duckdb_constraints()
WHERE database_name = current_database() AND schema_name = 'main'
  AND table_name IN ('songplays', 'time', 'songs', 'artists') AND constraint_type IN ('PRIMARY KEY', 'UNIQUE')
ORDER BY table_name;
