-- Rows in one table of the fixed set.
SELECT count(*) FROM {table};
