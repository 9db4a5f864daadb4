-- The warehouse's tables (and views: a lake opened read-only shows its tables as views) with their
-- (estimated) row counts.
SELECT table_name, estimated_size FROM duckdb_tables() WHERE NOT internal AND NOT temporary
UNION ALL
SELECT view_name, 0 FROM duckdb_views() WHERE NOT internal AND NOT temporary
ORDER BY 1;
