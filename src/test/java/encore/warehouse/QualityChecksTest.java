package encore.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import encore.TestData;
import encore.pipeline.Etl;
import encore.pipeline.EtlSummary;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each data-quality check can fail. songs, artists, "time" and songplays declare no key
 * constraints (see schema.sql), so the checks are what guards their keys and the tests break them
 * in place; where a table's NOT NULL (or users' primary key) would refuse the breach, the tests swap
 * the table for an unconstrained copy (as in warehouses built by other tools, or targets such as
 * Redshift) and break that.
 */
class QualityChecksTest {

    @TempDir
    Path tmp;
    Path db;

    @BeforeEach
    void load() {
        db = tmp.resolve("w.duckdb");
        Etl.load(TestData.sample(), db);
    }

    private Map<String, CheckResult> runAfter(String... statements) {
        try (Warehouse w = Warehouse.openForWrite(db, WarehouseSettings.defaults())) {
            w.execute(List.of(statements));
            return new QualityChecks(w).run().stream().collect(Collectors.toMap(CheckResult::name, c -> c));
        }
    }

    private static List<String> failed(Map<String, CheckResult> results) {
        return results.values().stream().filter(c -> !c.passed()).map(CheckResult::name).sorted().toList();
    }

    @Test
    void all_pass_on_a_fresh_load() {
        assertThat(failed(runAfter())).isEmpty();
    }

    @Test
    void an_empty_table_fails_not_empty() {
        Map<String, CheckResult> r = runAfter("DELETE FROM songs");
        assertThat(failed(r)).containsExactly("songs not empty");
        assertThat(r.get("songs not empty").offending()).isEqualTo(1);
    }

    @Test
    void a_null_key_fails_not_null() {
        Map<String, CheckResult> r = runAfter(
            "CREATE TABLE songs_copy AS SELECT * FROM songs",
            "DROP TABLE songs",
            "ALTER TABLE songs_copy RENAME TO songs",
            "INSERT INTO songs VALUES (NULL, 'no id', 'AR0', 2000, 1.0)");
        assertThat(failed(r)).containsExactly("songs.song_id not null");
        assertThat(r.get("songs.song_id not null").offending()).isEqualTo(1);
    }

    @Test
    void a_duplicate_key_fails_unique() {
        Map<String, CheckResult> r = runAfter("INSERT INTO artists SELECT * FROM artists LIMIT 3");
        assertThat(failed(r)).containsExactly("artists.artist_id unique");
        assertThat(r.get("artists.artist_id unique").offending()).isEqualTo(6);
    }

    @Test
    void a_duplicate_natural_key_fails_the_songplays_natural_key_check() {
        Map<String, CheckResult> r = runAfter(
            "INSERT INTO songplays SELECT songplay_id + 1000000, start_time, user_id, level, song_id, artist_id, "
                + "session_id, item_in_session, location, user_agent, song, artist FROM songplays LIMIT 1");
        assertThat(failed(r)).containsExactly("songplays natural key unique");
        assertThat(r.get("songplays natural key unique").offending()).isEqualTo(2);
    }

    @Test
    void a_duplicate_songplay_id_fails_unique() {
        Map<String, CheckResult> r = runAfter(
            "UPDATE songplays SET songplay_id = (SELECT min(songplay_id) FROM songplays) "
                + "WHERE songplay_id = (SELECT max(songplay_id) FROM songplays)");
        assertThat(failed(r)).containsExactly("songplays.songplay_id unique");
        assertThat(r.get("songplays.songplay_id unique").offending()).isEqualTo(2);
    }

    @Test
    void a_duplicate_start_time_fails_unique() {
        Map<String, CheckResult> r = runAfter("INSERT INTO \"time\" SELECT * FROM \"time\" LIMIT 2");
        assertThat(failed(r)).containsExactly("time.start_time unique");
        assertThat(r.get("time.start_time unique").offending()).isEqualTo(4);
    }

    @Test
    void a_play_of_an_unknown_user_or_time_fails_the_reference_checks() {
        Map<String, CheckResult> r = runAfter(
            "DELETE FROM users WHERE user_id = (SELECT min(user_id) FROM songplays)",
            "DELETE FROM \"time\" WHERE start_time = (SELECT min(start_time) FROM songplays)");
        assertThat(failed(r)).containsExactly("songplays.start_time in time", "songplays.user_id in users");
        assertThat(r.get("songplays.start_time in time").offending()).isPositive();
        long plays = Etl.count(db, "SELECT count(*) FROM songplays WHERE user_id = (SELECT min(user_id) FROM songplays)");
        assertThat(r.get("songplays.user_id in users").offending()).isEqualTo(plays);
    }

    @Test
    void each_run_records_whether_its_checks_passed() {
        // the fresh load's run passed its checks
        assertThat(Etl.rows(db, "SELECT run_id, checks_passed, finished_at >= started_at FROM etl_runs"))
            .containsExactly(List.of("1", "true", "true"));
        // a duplicate start time left in the warehouse: the next load of the same input lands, and its checks fail
        try (Warehouse w = Warehouse.openForWrite(db, WarehouseSettings.defaults())) {
            w.execute(List.of("INSERT INTO \"time\" SELECT * FROM \"time\" LIMIT 1"));
        }
        EtlSummary again = Etl.load(TestData.sample(), db);
        assertThat(again.checksPassed()).isFalse();
        assertThat(again.failedChecks()).extracting(CheckResult::name).containsExactly("time.start_time unique");
        assertThat(Etl.rows(db, "SELECT run_id, checks_passed FROM etl_runs ORDER BY run_id"))
            .containsExactly(List.of("1", "true"), List.of("2", "false"));
    }

    @Test
    void a_check_that_cannot_run_fails_and_the_others_still_run() {
        Map<String, CheckResult> r = runAfter(
            "CREATE TABLE artists_renamed AS SELECT artist_id AS id, name, location, latitude, longitude FROM artists",
            "DROP TABLE artists",
            "ALTER TABLE artists_renamed RENAME TO artists");
        assertThat(failed(r)).containsExactly("artists.artist_id not null", "artists.artist_id unique");
        assertThat(r.get("artists.artist_id unique").offending()).isEqualTo(CheckResult.COULD_NOT_RUN);
        assertThat(r.get("artists.artist_id unique").describe()).contains("could not run");
        assertThat(r.get("artists not empty").passed()).isTrue();
        assertThat(r).hasSize(QualityChecks.CHECKS.size());
    }
}
