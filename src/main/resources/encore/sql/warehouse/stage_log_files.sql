-- Stages a batch of validated log files with DuckDB's own reader. Each file was checked line by
-- line first (every line one well-typed JSON object, no blank lines), so row k of a file is its
-- line k. With insertion order preserved the files are read in the order given and rowids are
-- consecutive in file order, so a row's line number is its rowid's distance from the first rowid
-- of its file (rowids of uncommitted rows do not start at 0).
-- Parameter 1: the paths to read (VARCHAR[]).
CREATE OR REPLACE TEMP TABLE tmp_log_rows AS
SELECT *
FROM read_json(?, format = 'newline_delimited', records = true, filename = true,
    maximum_object_size = 67108864,
    columns = {
        artist: 'VARCHAR', auth: 'VARCHAR', firstName: 'VARCHAR', gender: 'VARCHAR',
        itemInSession: 'INTEGER', lastName: 'VARCHAR', length: 'DOUBLE', level: 'VARCHAR',
        location: 'VARCHAR', method: 'VARCHAR', page: 'VARCHAR', registration: 'DOUBLE',
        sessionId: 'BIGINT', song: 'VARCHAR', status: 'INTEGER', ts: 'BIGINT',
        userAgent: 'VARCHAR', userId: 'VARCHAR'
    });

INSERT INTO staging_events
SELECT t.artist, t.auth, t.firstName, t.gender, t.itemInSession, t.lastName, t.length, t.level, t.location,
       t.method, t.page, CAST(round(t.registration) AS BIGINT), t.sessionId, t.song, t.status, t.ts,
       t.userAgent, coalesce(t.userId, ''), t.filename, CAST(t.rowid - f.first_rowid + 1 AS INTEGER)
FROM tmp_log_rows t
JOIN (SELECT filename, min(rowid) AS first_rowid FROM tmp_log_rows GROUP BY filename) f ON f.filename = t.filename;

DROP TABLE tmp_log_rows;
