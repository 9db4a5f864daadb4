-- Offending count: rows of {table} whose key {column} is NULL.
SELECT count(*) FROM {table} WHERE {column} IS NULL;
