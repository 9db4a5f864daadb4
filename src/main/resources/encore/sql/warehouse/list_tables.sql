-- The warehouse's tables and their (estimated) row counts.
SELECT table_name, estimated_size FROM duckdb_tables() WHERE NOT internal AND NOT temporary ORDER BY table_name;
