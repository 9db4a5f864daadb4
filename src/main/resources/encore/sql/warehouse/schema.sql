-- The warehouse: staging tables (one load's input), the star schema, rejected input and run history.
-- Created on first open; every statement is idempotent.

CREATE TABLE IF NOT EXISTS songs (
    song_id   VARCHAR PRIMARY KEY,
    title     VARCHAR NOT NULL,
    artist_id VARCHAR NOT NULL,
    year      INTEGER,            -- NULL when the source says 0 (unknown)
    duration  DOUBLE
);

CREATE TABLE IF NOT EXISTS artists (
    artist_id VARCHAR PRIMARY KEY,
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

-- "time" and songplays declare no PRIMARY KEY or UNIQUE constraint, on purpose. DuckDB enforces
-- such a constraint with an ART index that it keeps in memory and cannot spill to disk; both tables
-- grow with the number of plays, and at 10 million plays their indexes alone (about 700 MB for the
-- two of songplays) exhaust the load's memory limit and the load fails. Their keys are kept by the
-- load SQL instead: star_time.sql inserts only start times not yet in "time", star_songplays.sql
-- dedupes a load's plays on the natural key and anti-joins the plays already loaded, and numbers
-- new ids after the largest one. The data-quality checks run after every load verify that every
-- key is NOT NULL and unique (and the natural key of songplays unique), and report any breach.
-- Warehouses made with the constraints are rebuilt without them when opened for writing.
-- The small dimension tables (songs, artists, users) keep their declared primary keys.
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
