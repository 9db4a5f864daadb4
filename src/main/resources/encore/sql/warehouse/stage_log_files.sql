-- Stages a batch of validated log files with DuckDB's own reader. Each file was checked line by
-- line first (every line one well-typed JSON object, no blank lines), so row k of a file is its
-- line k. The rows go straight into staging_events with line 0; with insertion order preserved the
-- files are read in the order given and their rows get consecutive rowids in file order, so the
-- second statement numbers each file's new rows by their distance from its first rowid (rowids of
-- uncommitted rows do not start at 0). No other row has line 0: real lines start at 1.
-- Parameter 1: the paths to read (VARCHAR[]).
INSERT INTO staging_events
SELECT t.artist, t.auth, t.firstName, t.gender, t.itemInSession, t.lastName, t.length, t.level, t.location,
       t.method, t.page, CAST(round(t.registration) AS BIGINT), t.sessionId, t.song, t.status, t.ts,
       t.userAgent, coalesce(t.userId, ''), t.filename, 0
FROM read_json(?, format = 'newline_delimited', records = true, filename = true,
    maximum_object_size = 67108864,
    columns = {
        artist: 'VARCHAR', auth: 'VARCHAR', firstName: 'VARCHAR', gender: 'VARCHAR',
        itemInSession: 'INTEGER', lastName: 'VARCHAR', length: 'DOUBLE', level: 'VARCHAR',
        location: 'VARCHAR', method: 'VARCHAR', page: 'VARCHAR', registration: 'DOUBLE',
        sessionId: 'BIGINT', song: 'VARCHAR', status: 'INTEGER', ts: 'BIGINT',
        userAgent: 'VARCHAR', userId: 'VARCHAR'
    }) t;

UPDATE staging_events
SET source_line = CAST(staging_events.rowid - f.first_rowid + 1 AS INTEGER)
FROM (SELECT source_file, min(rowid) AS first_rowid
      FROM staging_events
      WHERE source_line = 0
      GROUP BY source_file) f
WHERE staging_events.source_file = f.source_file AND staging_events.source_line = 0;
