-- Offending count: rows of {table} that share their key ({column}) with another row.
SELECT coalesce(sum(n), 0) FROM (SELECT count(*) AS n FROM {table} GROUP BY {column} HAVING count(*) > 1);
