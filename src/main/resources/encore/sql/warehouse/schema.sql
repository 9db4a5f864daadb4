-- The warehouse: staging tables (one load's input), the star schema, rejected input and run history.
-- Created on first open; every statement is idempotent.

CREATE TABLE IF NOT EXISTS songs (
    song_id   VARCHAR NOT NULL,   -- the key: unique (see below)
    title     VARCHAR NOT NULL,
    artist_id VARCHAR NOT NULL,
    year      INTEGER,            -- NULL when the source says 0 (unknown)
    duration  DOUBLE
);

CREATE TABLE IF NOT EXISTS artists (
    artist_id VARCHAR NOT NULL,   -- the key: unique (see below)
    name      VARCHAR NOT NULL,
    location  VARCHAR,            -- NULL when the source has an empty string
    latitude  DOUBLE,
    longitude DOUBLE
);

CREATE TABLE IF NOT EXISTS users (
    user_id       VARCHAR PRIMARY KEY,
    first_name    VARCHAR,
    last_name     VARCHAR,
    gender        VARCHAR,
    level         VARCHAR,          -- the level of the user's latest event
    last_event_at TIMESTAMP         -- when that latest event happened (UTC); decides later updates
);

-- songs, artists, "time" and songplays declare no PRIMARY KEY or UNIQUE constraint, on purpose.
-- DuckDB enforces such a constraint with an ART index that it keeps in memory and cannot spill to
-- disk; these tables grow with the catalog and the plays, and at 10 million plays the indexes of
-- songplays alone (about 700 MB) exhaust the load's memory limit and the load fails. For songs and
-- artists the indexes cost time: at 200,000 songs, building the two tables and committing took
-- 0.54-0.76 s with them and 0.31-0.42 s without (three alternated loads). Their keys are kept by the load
-- SQL instead: star_songs.sql and star_artists.sql delete the ids a load brings before inserting
-- one row per id, star_time.sql inserts only start times not yet in "time", star_songplays.sql
-- dedupes a load's plays on the natural key and anti-joins the plays already loaded, and numbers
-- new ids after the largest one. The data-quality checks run after every load verify that every
-- key is NOT NULL and unique (and the natural key of songplays unique), and report any breach.
-- Warehouses made with the constraints are rebuilt without them when opened for writing.
-- users keeps its declared primary key: one row per listener (thousands), and its load updates
-- the rows in place (ON CONFLICT) to keep each user's latest level.
CREATE TABLE IF NOT EXISTS "time" (
    start_time TIMESTAMP NOT NULL,     -- UTC; the key: unique (see above)
    hour       INTEGER,
    day        INTEGER,                -- day of month
    week       INTEGER,                -- ISO week
    month      INTEGER,
    year       INTEGER,
    weekday    INTEGER                 -- ISO: 1 = Monday … 7 = Sunday
);

CREATE TABLE IF NOT EXISTS songplays (
    songplay_id     BIGINT NOT NULL,     -- the key: unique (see above)
    start_time      TIMESTAMP NOT NULL,  -- UTC
    user_id         VARCHAR NOT NULL,
    level           VARCHAR,
    song_id         VARCHAR,             -- NULL when no song matches
    artist_id       VARCHAR,             -- NULL when no song matches
    session_id      BIGINT NOT NULL,
    item_in_session INTEGER NOT NULL,
    location        VARCHAR,
    user_agent      VARCHAR,
    song            VARCHAR,             -- the song title as the event gave it (matched or not)
    artist          VARCHAR              -- the artist name as the event gave it
    -- natural key (user_id, session_id, item_in_session, start_time): unique (see above)
);

CREATE TABLE IF NOT EXISTS staging_songs (
    num_songs        INTEGER,
    artist_id        VARCHAR,
    artist_latitude  DOUBLE,
    artist_longitude DOUBLE,
    artist_location  VARCHAR,
    artist_name      VARCHAR,
    song_id          VARCHAR,
    title            VARCHAR,
    duration         DOUBLE,
    year             INTEGER,
    source_file      VARCHAR NOT NULL,
    source_line      INTEGER NOT NULL
);

CREATE TABLE IF NOT EXISTS staging_events (
    artist        VARCHAR,
    auth          VARCHAR,
    firstName     VARCHAR,
    gender        VARCHAR,
    itemInSession INTEGER,
    lastName      VARCHAR,
    length        DOUBLE,
    level         VARCHAR,
    location      VARCHAR,
    method        VARCHAR,
    page          VARCHAR,
    registration  BIGINT,          -- epoch ms (the source may write it as a float)
    sessionId     BIGINT,
    song          VARCHAR,
    status        INTEGER,
    ts            BIGINT,          -- epoch ms, UTC
    userAgent     VARCHAR,
    userId        VARCHAR,         -- '' for logged-out events
    source_file   VARCHAR NOT NULL,
    source_line   INTEGER NOT NULL
);

CREATE TABLE IF NOT EXISTS rejected_records (
    source_kind VARCHAR NOT NULL,   -- 'song' or 'event'
    source_file VARCHAR NOT NULL,
    line_number INTEGER,
    reason      VARCHAR NOT NULL,
    raw_text    VARCHAR
);

CREATE TABLE IF NOT EXISTS etl_runs (
    run_id         BIGINT PRIMARY KEY,
    started_at     TIMESTAMP NOT NULL,
    finished_at    TIMESTAMP NOT NULL,
    song_files     BIGINT,
    log_files      BIGINT,
    staged_songs   BIGINT,
    staged_events  BIGINT,
    rejected       BIGINT,
    new_songplays  BIGINT,
    checks_passed  BOOLEAN
);
