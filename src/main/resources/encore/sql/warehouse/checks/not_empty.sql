-- Offending count: 1 when {table} has no rows.
SELECT CASE WHEN count(*) = 0 THEN 1 ELSE 0 END FROM {table};
