-- Parses SQL text without running it: error is true unless every statement is a SELECT (DuckDB
-- serializes only SELECT statements; SHOW and DESCRIBE are SELECTs to its parser), and how many
-- statements the text holds.
SELECT (j ->> 'error')::BOOLEAN AS error, j ->> 'error_message' AS message,
       coalesce(json_array_length(j -> 'statements'), 0) AS statements
FROM (SELECT json_serialize_sql(?::VARCHAR)::JSON AS j);
