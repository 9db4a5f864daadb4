package encore.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import encore.RawModel;
import encore.TestData;
import encore.source.SourceLocator;
import encore.task.Cancellation;
import encore.task.ProgressListener;
import encore.warehouse.WarehouseSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The ETL on real data — the public Sparkify dataset and the bundled sample — checked against
 * values computed from the raw files with plain Jackson.
 */
class EtlReferenceTest {

    @TempDir
    Path tmp;

    static Stream<Arguments> datasets() {
        return Stream.of(Arguments.of("sparkify"), Arguments.of("sample"));
    }

    static Path dataset(String name) {
        return name.equals("sparkify") ? TestData.sparkify() : TestData.sample();
    }

    /** Every staged event names its file and line: the line there holds that event (by Jackson). */
    @ParameterizedTest(name = "{0}")
    @MethodSource("datasets")
    void staged_events_keep_their_file_and_line(String name) throws IOException {
        Path root = dataset(name);
        Path db = tmp.resolve("w.duckdb");
        Etl.load(root, db);
        assertStagedLinesMatchTheFiles(root, db);
    }

    /** Log files staged a file per statement (batches smaller than any file) keep their lines too. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("datasets")
    void staged_events_keep_their_file_and_line_in_small_batches(String name) throws IOException {
        Path root = dataset(name);
        Path db = tmp.resolve("w.duckdb");
        EtlSummary s = new EtlJob(ProgressListener.NONE, new Cancellation(), WarehouseSettings.defaults())
            .withLogBatchBytes(1).run(SourceLocator.fromRoot(root), db);
        assertThat(s.rejected()).isZero();
        assertStagedLinesMatchTheFiles(root, db);
    }

    /** The staged fields of every event, in staging_events' column order, as Jackson reads the line. */
    private static final List<String> FIELDS = List.of("artist", "auth", "firstName", "gender", "itemInSession", "lastName",
        "length", "level", "location", "method", "page", "registration", "sessionId", "song", "status", "ts",
        "userAgent", "userId");

    private static void assertStagedLinesMatchTheFiles(Path root, Path db) throws IOException {
        var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        Map<String, String> expected = new HashMap<>();
        try (Stream<Path> files = Files.walk(root.resolve("log_data"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".json")).toList()) {
                List<String> lines = Files.readAllLines(f);
                for (int i = 0; i < lines.size(); i++) {
                    var e = mapper.readTree(lines.get(i));
                    StringBuilder values = new StringBuilder();
                    for (String field : FIELDS) {
                        var v = e.get(field);
                        String text = v == null || v.isNull() ? (field.equals("userId") ? "" : "NULL")
                            : field.equals("registration") ? Long.toString(Math.round(v.asDouble()))
                            : field.equals("length") ? Double.toString(v.asDouble())
                            : v.asText();
                        values.append(text).append('|');
                    }
                    expected.put(f.toAbsolutePath() + ":" + (i + 1), values.toString());
                }
            }
        }
        Map<String, String> staged = new HashMap<>();
        // every column as text ('NULL' for NULL), except length: read as a double and printed by Java below
        String columns = String.join(", ", FIELDS.stream()
            .map(c -> c.equals("length") ? c : "coalesce(CAST(" + c + " AS VARCHAR), 'NULL')").toList());
        for (List<String> r : Etl.rows(db, "SELECT source_file, source_line, " + columns + " FROM staging_events")) {
            String key = Path.of(r.get(0)).toAbsolutePath() + ":" + r.get(1);
            StringBuilder values = new StringBuilder();
            for (int k = 0; k < FIELDS.size(); k++) {
                String v = r.get(k + 2);
                if (FIELDS.get(k).equals("length")) {
                    v = v == null ? "NULL" : Double.toString(Double.parseDouble(v)); // the same double, printed by Java
                }
                values.append(v).append('|');
            }
            assertThat(staged.put(key, values.toString())).as("one staged row per file line: %s", key).isNull();
        }
        assertThat(staged).hasSize(expected.size());
        for (Map.Entry<String, String> e : expected.entrySet()) {
            assertThat(staged.get(e.getKey())).as("staged fields of %s (%s)", e.getKey(), FIELDS).isEqualTo(e.getValue());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("datasets")
    void row_counts_match_the_raw_files(String name) {
        Path root = dataset(name);
        RawModel raw = RawModel.ofRoot(root);
        Path db = tmp.resolve("w.duckdb");

        EtlSummary s = Etl.load(root, db);

        assertThat(s.rejected()).isZero();
        assertThat(s.stagedSongs()).isEqualTo(raw.songRecords);
        assertThat(s.stagedEvents()).isEqualTo(raw.events);
        assertThat(s.tables()).containsEntry("songs", (long) raw.songIds.size())
            .containsEntry("artists", (long) raw.artistIds.size())
            .containsEntry("users", (long) raw.latestLevel.size())
            .containsEntry("songplays", (long) raw.plays.size())
            .containsEntry("time", (long) raw.playTimes.size());
        assertThat(s.matchedSongplays()).isEqualTo(raw.matchedPlays());
        assertThat(s.newSongplays()).isEqualTo(raw.plays.size());
        assertThat(s.checks()).allMatch(c -> c.passed(), "all checks pass");
        assertThat(s.checks()).hasSize(18);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("datasets")
    void users_end_with_the_level_of_their_latest_event(String name) {
        Path root = dataset(name);
        RawModel raw = RawModel.ofRoot(root);
        Path db = tmp.resolve("w.duckdb");
        Etl.load(root, db);

        Map<String, String> levels = new HashMap<>();
        for (List<String> row : Etl.rows(db, "SELECT user_id, level FROM users")) {
            levels.put(row.get(0), row.get(1));
        }
        assertThat(levels).isEqualTo(raw.latestLevel);
    }

    @Test
    void sparkify_has_free_and_paid_users_and_one_matched_play() {
        Path db = tmp.resolve("w.duckdb");
        Etl.load(TestData.sparkify(), db);
        // users move between free and paid during the month: both levels occur among one user's events
        assertThat(Etl.count(db, "SELECT count(*) FROM (SELECT userId FROM staging_events WHERE userId <> '' "
            + "GROUP BY userId HAVING count(DISTINCT level) > 1)")).isPositive();
        assertThat(Etl.rows(db, "SELECT song_id, artist_id FROM songplays WHERE song_id IS NOT NULL"))
            .containsExactly(List.of("SOZCTXZ12AB0182364", "AR5KOSW1187FB35FF4"));
    }

    @Test
    void a_known_play_has_its_utc_hour_and_weekday() throws IOException {
        Path root = TestData.sparkify();
        Path db = tmp.resolve("w.duckdb");
        Etl.load(root, db);
        // The one play that matches a song: ts 1542837407796 = 2018-11-21 21:56:47.796 UTC, a Wednesday.
        List<List<String>> row = Etl.rows(db, "SELECT t.hour, t.weekday, t.day, t.week, t.month, t.year, "
            + "strftime(sp.start_time, '%Y-%m-%d %H:%M:%S.%g') FROM songplays sp JOIN \"time\" t USING (start_time) "
            + "WHERE sp.song_id = 'SOZCTXZ12AB0182364'");
        assertThat(row).containsExactly(List.of("21", "3", "21", "47", "11", "2018", "2018-11-21 21:56:47.796"));
        String raw = Files.readString(root.resolve("log_data/2018/11/2018-11-21-events.json"));
        assertThat(raw).contains("\"ts\":1542837407796");
    }

    @Test
    void plays_per_weekday_match_a_count_over_the_raw_events() {
        Path root = TestData.sparkify();
        Path db = tmp.resolve("w.duckdb");
        Etl.load(root, db);
        Map<Integer, Long> byWeekday = new HashMap<>();
        for (List<String> r : Etl.rows(db, "SELECT t.weekday, count(*) FROM songplays sp JOIN \"time\" t USING (start_time) GROUP BY 1")) {
            byWeekday.put(Integer.parseInt(r.get(0)), Long.parseLong(r.get(1)));
        }
        assertThat(byWeekday).isEqualTo(RawModel.ofRoot(root).playsByWeekday());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("datasets")
    void songplay_ids_run_from_1_in_start_time_user_session_item_order(String name) {
        Path db = tmp.resolve(name + "-ids.duckdb");
        Etl.load(dataset(name), db);
        long plays = Etl.count(db, "SELECT count(*) FROM songplays");
        assertThat(plays).isPositive();
        assertThat(Etl.count(db, "SELECT min(songplay_id) FROM songplays")).isEqualTo(1);
        assertThat(Etl.count(db, "SELECT max(songplay_id) FROM songplays")).isEqualTo(plays);
        assertThat(Etl.count(db, "SELECT count(*) FROM (SELECT songplay_id, row_number() OVER "
            + "(ORDER BY start_time, user_id, session_id, item_in_session) AS n FROM songplays) WHERE songplay_id <> n")).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("datasets")
    void loading_the_same_input_twice_gives_identical_tables(String name) {
        Path root = dataset(name);
        Path db = tmp.resolve("w.duckdb");
        Etl.load(root, db);
        var first = Etl.starTables(db);

        EtlSummary again = Etl.load(root, db);

        assertThat(again.newSongplays()).isZero();
        assertThat(Etl.starTables(db)).isEqualTo(first);
        assertThat(Etl.count(db, "SELECT count(*) FROM etl_runs")).isEqualTo(2);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("datasets")
    void loading_29_days_then_the_30th_equals_loading_all_30(String name) throws IOException {
        Path root = dataset(name);
        List<Path> logs = RawModel.logFiles(root.resolve("log_data"));
        assertThat(logs).hasSize(30);
        Path first29 = copyLogs(logs.subList(0, 29), tmp.resolve("first29"));
        Path day30 = copyLogs(logs.subList(29, 30), tmp.resolve("day30"));

        Path incremental = tmp.resolve("incremental.duckdb");
        EtlSummary a = Etl.load(SourceLocator.fromFolders(root.resolve("song_data"), first29), incremental);
        EtlSummary b = Etl.load(SourceLocator.fromFolders(root.resolve("song_data"), day30), incremental);

        Path full = tmp.resolve("full.duckdb");
        EtlSummary all = Etl.load(root, full);

        RawModel day30Only = RawModel.of(root.resolve("song_data"), logs.subList(29, 30));
        assertThat(b.newSongplays()).isEqualTo(day30Only.plays.size()).isPositive();
        assertThat(a.newSongplays() + b.newSongplays()).isEqualTo(all.newSongplays());
        assertThat(Etl.starTables(incremental)).isEqualTo(Etl.starTables(full));
    }

    private static Path copyLogs(List<Path> files, Path dir) throws IOException {
        Path month = Files.createDirectories(dir.resolve("2018/11"));
        for (Path f : files) {
            Files.copy(f, month.resolve(f.getFileName()));
        }
        return dir;
    }
}
