-- Parses SQL text without running it: error is true unless every statement is a SELECT (DuckDB
-- serializes only SELECT statements; SHOW and DESCRIBE are SELECTs to its parser).
SELECT (j ->> 'error')::BOOLEAN AS error, j ->> 'error_message' AS message
FROM (SELECT json_serialize_sql(?::VARCHAR)::JSON AS j);
