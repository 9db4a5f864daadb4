-- Stages a batch of validated log files with DuckDB's own reader. Each file was checked line by
-- line first (every line one well-typed JSON object, no blank lines) and copied with two fields
-- put first on every line: the file's number and the line's number (LogFileReader.checkAndTag).
-- So every row carries its own lineage, and DuckDB may read the copies in parallel, in any order.
-- Parameter 1: the copies to read (VARCHAR[]); parameter 2: the source paths (VARCHAR[]), where
-- a copy's file number n names source path n (1-based).
INSERT INTO staging_events
SELECT t.artist, t.auth, t.firstName, t.gender, t.itemInSession, t.lastName, t.length, t.level, t.location,
       t.method, t.page, CAST(round(t.registration) AS BIGINT), t.sessionId, t.song, t.status, t.ts,
       t.userAgent, coalesce(t.userId, ''), src.paths[t.__encore_file], t.__encore_line
FROM read_json(?, format = 'newline_delimited', records = true,
    maximum_object_size = 67108864,
    columns = {
        __encore_file: 'INTEGER', __encore_line: 'INTEGER',
        artist: 'VARCHAR', auth: 'VARCHAR', firstName: 'VARCHAR', gender: 'VARCHAR',
        itemInSession: 'INTEGER', lastName: 'VARCHAR', length: 'DOUBLE', level: 'VARCHAR',
        location: 'VARCHAR', method: 'VARCHAR', page: 'VARCHAR', registration: 'DOUBLE',
        sessionId: 'BIGINT', song: 'VARCHAR', status: 'INTEGER', ts: 'BIGINT',
        userAgent: 'VARCHAR', userId: 'VARCHAR'
    }) t
CROSS JOIN (SELECT CAST(? AS VARCHAR[]) AS paths) src;
