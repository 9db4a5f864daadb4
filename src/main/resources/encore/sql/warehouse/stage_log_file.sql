-- Stages one validated log file with DuckDB's own reader. The file was checked line by line first
-- (every line is one well-typed JSON object, no blank lines), so row k of the file is line k:
-- with insertion order preserved, rowids are consecutive in file order, so the line number is the
-- rowid's distance from the first one (rowids of uncommitted rows do not start at 0).
-- Parameter 1: the path to read.
CREATE OR REPLACE TEMP TABLE tmp_log_file AS
SELECT *
FROM read_json(?, format = 'newline_delimited', records = true, maximum_object_size = 67108864,
    columns = {
        artist: 'VARCHAR', auth: 'VARCHAR', firstName: 'VARCHAR', gender: 'VARCHAR',
        itemInSession: 'INTEGER', lastName: 'VARCHAR', length: 'DOUBLE', level: 'VARCHAR',
        location: 'VARCHAR', method: 'VARCHAR', page: 'VARCHAR', registration: 'DOUBLE',
        sessionId: 'BIGINT', song: 'VARCHAR', status: 'INTEGER', ts: 'BIGINT',
        userAgent: 'VARCHAR', userId: 'VARCHAR'
    });

-- Parameter 1: the source file name recorded for lineage.
INSERT INTO staging_events
SELECT artist, auth, firstName, gender, itemInSession, lastName, length, level, location, method, page,
       CAST(round(registration) AS BIGINT), sessionId, song, status, ts, userAgent, coalesce(userId, ''),
       ?, CAST(rowid - (SELECT min(rowid) FROM tmp_log_file) + 1 AS INTEGER)
FROM tmp_log_file;

DROP TABLE tmp_log_file;
