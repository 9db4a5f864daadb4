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

/** A warehouse made when songplays and "time" still declared key constraints is rebuilt without them. */
class WarehouseUpgradeTest {

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
            assertThat(w.count(Sql.statement("warehouse/indexed_play_tables"))).isZero();
            assertThat(w.count("SELECT count(*) FROM duckdb_indexes() WHERE table_name IN ('songplays', 'time')")).isZero();
            assertThat(w.count("SELECT count(*) FROM duckdb_tables() WHERE table_name LIKE '%indexed'")).isZero();
        }
        assertThat(Etl.rows(db, "SELECT songplay_id, user_id, song FROM songplays"))
            .containsExactly(java.util.List.of("7", "u1", "a song"));
        assertThat(Etl.count(db, "SELECT count(*) FROM \"time\"")).isEqualTo(1);
        // a load afterwards continues the ids after the old ones
        Etl.load(TestData.sample(), db);
        assertThat(Etl.count(db, "SELECT min(songplay_id) FROM songplays WHERE user_id <> 'u1'")).isEqualTo(8);
    }
}
