package encore.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import encore.TestData;
import encore.pipeline.Etl;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A warehouse made when songplays, "time", songs and artists still declared key constraints is rebuilt without them. */
class WarehouseUpgradeTest {

    private static final String KEY_CONSTRAINTS = "SELECT count(*) FROM duckdb_constraints() WHERE table_name IN "
        + "('songplays', 'time', 'songs', 'artists') AND constraint_type IN ('PRIMARY KEY', 'UNIQUE')";

    @TempDir
    Path tmp;

    @Test
    void old_key_constraints_are_dropped_and_rows_kept() throws Exception {
        Path db = tmp.resolve("old.duckdb");
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + db.toAbsolutePath());
             Statement st = c.createStatement()) {
            st.execute("CREATE TABLE \"time\" (start_time TIMESTAMP PRIMARY KEY, hour INTEGER, day INTEGER, "
                + "week INTEGER, month INTEGER, year INTEGER, weekday INTEGER)");
            st.execute("CREATE TABLE songplays (songplay_id BIGINT PRIMARY KEY, start_time TIMESTAMP NOT NULL, "
                + "user_id VARCHAR NOT NULL, level VARCHAR, song_id VARCHAR, artist_id VARCHAR, session_id BIGINT NOT NULL, "
                + "item_in_session INTEGER NOT NULL, location VARCHAR, user_agent VARCHAR, song VARCHAR, artist VARCHAR, "
                + "UNIQUE (user_id, session_id, item_in_session, start_time))");
            st.execute("INSERT INTO \"time\" VALUES (TIMESTAMP '2018-11-01 00:00:01', 0, 1, 44, 11, 2018, 4)");
            st.execute("INSERT INTO songplays VALUES (7, TIMESTAMP '2018-11-01 00:00:01', 'u1', 'free', NULL, NULL, "
                + "1, 0, 'here', 'agent', 'a song', 'an artist')");
        }
        try (Warehouse w = Warehouse.openForWrite(db, WarehouseSettings.defaults())) {
            assertThat(w.count(KEY_CONSTRAINTS)).isZero();
            assertThat(w.count("SELECT count(*) FROM duckdb_tables() WHERE table_name LIKE '%indexed'")).isZero();
        }
        assertThat(Etl.rows(db, "SELECT songplay_id, user_id, song FROM songplays"))
            .containsExactly(java.util.List.of("7", "u1", "a song"));
        assertThat(Etl.count(db, "SELECT count(*) FROM \"time\"")).isEqualTo(1);
        // a load afterwards continues the ids after the old ones
        Etl.load(TestData.sample(), db);
        assertThat(Etl.count(db, "SELECT min(songplay_id) FROM songplays WHERE user_id <> 'u1'")).isEqualTo(8);
    }

    @Test
    void a_warehouse_with_keyed_songs_and_artists_only_keeps_its_rows_and_loads_again() throws Exception {
        Path db = tmp.resolve("previous.duckdb");
        Etl.load(TestData.sample(), db);
        long songs = Etl.count(db, "SELECT count(*) FROM songs");
        long artists = Etl.count(db, "SELECT count(*) FROM artists");
        long plays = Etl.count(db, "SELECT count(*) FROM songplays");
        // as the previous version made them: songs and artists with primary keys
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + db.toAbsolutePath());
             Statement st = c.createStatement()) {
            st.execute("CREATE TABLE songs_keyed (song_id VARCHAR PRIMARY KEY, title VARCHAR NOT NULL, "
                + "artist_id VARCHAR NOT NULL, year INTEGER, duration DOUBLE)");
            st.execute("INSERT INTO songs_keyed SELECT * FROM songs");
            st.execute("DROP TABLE songs");
            st.execute("ALTER TABLE songs_keyed RENAME TO songs");
            st.execute("CREATE TABLE artists_keyed (artist_id VARCHAR PRIMARY KEY, name VARCHAR NOT NULL, "
                + "location VARCHAR, latitude DOUBLE, longitude DOUBLE)");
            st.execute("INSERT INTO artists_keyed SELECT * FROM artists");
            st.execute("DROP TABLE artists");
            st.execute("ALTER TABLE artists_keyed RENAME TO artists");
        }
        try (Warehouse w = Warehouse.openForWrite(db, WarehouseSettings.defaults())) {
            assertThat(w.count(KEY_CONSTRAINTS)).isZero();
            assertThat(w.count("SELECT count(*) FROM songs")).isEqualTo(songs);
            assertThat(w.count("SELECT count(*) FROM artists")).isEqualTo(artists);
            assertThat(w.count("SELECT count(*) FROM songplays")).isEqualTo(plays);
        }
        // the same input again: the songs and artists are replaced, not doubled
        Etl.load(TestData.sample(), db);
        assertThat(Etl.count(db, "SELECT count(*) FROM songs")).isEqualTo(songs);
        assertThat(Etl.count(db, "SELECT count(DISTINCT song_id) FROM songs")).isEqualTo(songs);
        assertThat(Etl.count(db, "SELECT count(*) FROM artists")).isEqualTo(artists);
        assertThat(Etl.count(db, "SELECT count(*) FROM songplays")).isEqualTo(plays);
    }
}
