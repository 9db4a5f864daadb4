package encore.lake;

import static org.assertj.core.api.Assertions.assertThat;

import encore.TestData;
import encore.pipeline.Etl;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The lake's layout and contents on the public Sparkify dataset, read back by plain DuckDB. */
class LakeExportTest {

    @TempDir
    static Path tmp;
    static Path db;

    @BeforeAll
    static void load() {
        db = tmp.resolve("sparkify.duckdb");
        Etl.load(TestData.sparkify(), db);
    }

    static String glob(Path lake, String table) {
        return "'" + lake.resolve(table) + ("users".equals(table) || "artists".equals(table) ? "/*.parquet'" : "/**/*.parquet'");
    }

    @Test
    void classic_layout_has_one_songs_partition_per_year_and_artist_and_one_songplays_partition_per_month() {
        Path lake = tmp.resolve("classic");
        LakeSummary s = Lakes.export(db, lake, LakeLayout.CLASSIC, PublishMode.OVERWRITE, LakeCompression.SNAPPY);

        // songs: year=…/artist_id=…/, exactly the (year, artist_id) pairs of the warehouse, one file each
        Set<String> expected = new HashSet<>();
        for (List<String> r : Etl.rows(db, "SELECT DISTINCT coalesce(year::VARCHAR, '__HIVE_DEFAULT_PARTITION__'), artist_id FROM songs")) {
            expected.add("year=" + r.get(0) + "/artist_id=" + r.get(1));
        }
        Set<String> found = new HashSet<>();
        for (String year : Lakes.folders(lake.resolve("songs"))) {
            for (String artist : Lakes.folders(lake.resolve("songs").resolve(year))) {
                found.add(year + "/" + artist);
                assertThat(Lakes.files(lake.resolve("songs").resolve(year).resolve(artist))).hasSize(1);
            }
        }
        assertThat(found).isEqualTo(expected).hasSizeGreaterThan(10);
        assertThat(s.tables().stream().filter(t -> t.name().equals("songs")).findFirst().orElseThrow().partitions())
            .isEqualTo(expected.size());

        // songplays and time: year=…/month=…/, one per month of the plays
        Set<String> months = new HashSet<>();
        for (List<String> r : Etl.rows(db, "SELECT DISTINCT year(start_time), month(start_time) FROM songplays")) {
            months.add("year=" + r.get(0) + "/month=" + r.get(1));
        }
        for (String table : List.of("songplays", "time")) {
            Set<String> parts = new HashSet<>();
            for (String year : Lakes.folders(lake.resolve(table))) {
                for (String month : Lakes.folders(lake.resolve(table).resolve(year))) {
                    parts.add(year + "/" + month);
                }
            }
            assertThat(parts).as(table).isEqualTo(months);
        }
        assertThat(Lakes.folders(lake.resolve("users"))).isEmpty();
        assertThat(Lakes.files(lake.resolve("users"))).containsExactly("data_0.parquet");
        assertThat(Lakes.files(lake.resolve("artists"))).containsExactly("data_0.parquet");
        assertThat(Lakes.files(lake)).containsExactly("_SUCCESS", "_manifest.json");

        assertSameRowsAsTheWarehouse(db, lake);
    }

    @Test
    void compact_layout_partitions_songs_by_year_only_and_sorts_each_file_by_artist() {
        Path lake = tmp.resolve("compact");
        Lakes.export(db, lake, LakeLayout.COMPACT, PublishMode.OVERWRITE, LakeCompression.SNAPPY);

        Set<String> years = new HashSet<>();
        for (List<String> r : Etl.rows(db, "SELECT DISTINCT coalesce(year::VARCHAR, '__HIVE_DEFAULT_PARTITION__') FROM songs")) {
            years.add("year=" + r.get(0));
        }
        assertThat(new HashSet<>(Lakes.folders(lake.resolve("songs")))).isEqualTo(years);
        for (String year : years) {
            Path dir = lake.resolve("songs").resolve(year);
            assertThat(Lakes.files(dir)).hasSize(1);
            List<String> artists = Lakes.duck("SELECT artist_id FROM read_parquet('" + dir.resolve(Lakes.files(dir).get(0))
                + "', file_row_number = true) ORDER BY file_row_number").stream().map(r -> r.get(0)).toList();
            assertThat(artists).as(year).isSorted();
        }
        assertSameRowsAsTheWarehouse(db, lake);
    }

    @Test
    void unknown_song_year_is_null_in_the_warehouse_and_the_hive_default_partition_in_the_lake() {
        Path lake = tmp.resolve("unknown-year");
        Lakes.export(db, lake, LakeLayout.COMPACT, PublishMode.OVERWRITE, LakeCompression.SNAPPY);
        long unknown = Etl.count(db, "SELECT count(*) FROM songs WHERE year IS NULL");
        assertThat(unknown).isPositive();
        assertThat(Etl.count(db, "SELECT count(*) FROM songs WHERE year = 0")).isZero();
        Path dir = lake.resolve("songs").resolve("year=__HIVE_DEFAULT_PARTITION__");
        assertThat(dir).isDirectory();
        assertThat(Lakes.duck("SELECT count(*) FROM read_parquet('" + dir + "/*.parquet')").get(0).get(0))
            .isEqualTo(Long.toString(unknown));
        assertThat(Lakes.duck("SELECT count(*) FROM read_parquet(" + glob(lake, "songs") + ", hive_partitioning = true) WHERE year IS NULL")
            .get(0).get(0)).isEqualTo(Long.toString(unknown));
    }

    @Test
    void timestamps_are_utc_instants_ids_keep_their_types_and_zstd_is_used_on_request() {
        Path lake = tmp.resolve("zstd");
        Lakes.export(db, lake, LakeLayout.COMPACT, PublishMode.OVERWRITE, LakeCompression.ZSTD);
        List<List<String>> schema = Lakes.duck("SELECT name, type, logical_type FROM parquet_schema(" + glob(lake, "songplays")
            + ") WHERE name IN ('start_time', 'songplay_id', 'session_id', 'item_in_session', 'user_id') ORDER BY name");
        assertThat(schema).extracting(r -> r.get(0) + " " + r.get(1)).containsExactly(
            "item_in_session INT32", "session_id INT64", "songplay_id INT64", "start_time INT64", "user_id BYTE_ARRAY");
        assertThat(schema.get(3).get(2)).contains("isAdjustedToUTC=1").contains("MICROS");
        assertThat(Lakes.duck("SELECT DISTINCT compression FROM parquet_metadata(" + glob(lake, "songplays") + ")"))
            .containsExactly(List.of("ZSTD"));
        Path snappy = tmp.resolve("snappy");
        Lakes.export(db, snappy, LakeLayout.COMPACT, PublishMode.OVERWRITE, LakeCompression.SNAPPY);
        assertThat(Lakes.duck("SELECT DISTINCT compression FROM parquet_metadata(" + glob(snappy, "users") + ")"))
            .containsExactly(List.of("SNAPPY"));
        // the instants are the warehouse's UTC times
        assertThat(Lakes.duck("SELECT min(start_time AT TIME ZONE 'UTC')::VARCHAR FROM read_parquet(" + glob(lake, "songplays") + ")"))
            .isEqualTo(Etl.rows(db, "SELECT min(start_time)::VARCHAR FROM songplays"));
        assertSameRowsAsTheWarehouse(db, lake);
    }

    /** Row counts per table equal the warehouse's, in the manifest and read back; the rows themselves too. */
    static void assertSameRowsAsTheWarehouse(Path db, Path lake) {
        LakeManifest m = LakeManifest.read(lake);
        for (String table : LakeTables.ORDER) {
            String quoted = "time".equals(table) ? "\"time\"" : table;
            long rows = Etl.count(db, "SELECT count(*) FROM " + quoted);
            assertThat(m.table(table).rows()).as(table).isEqualTo(rows);
            assertThat(Lakes.duck("SELECT count(*) FROM read_parquet(" + glob(lake, table) + ", hive_partitioning = true)").get(0).get(0))
                .as(table).isEqualTo(Long.toString(rows));
        }
        for (LakeManifest.DataFile f : m.files()) {
            assertThat(lake.resolve(f.path())).isRegularFile();
            assertThat(Lakes.duck("SELECT num_rows FROM parquet_file_metadata('" + lake.resolve(f.path()) + "')").get(0).get(0))
                .isEqualTo(Long.toString(f.rows()));
        }
        assertThat(m.fileCount()).isEqualTo(Lakes.snapshot(lake).keySet().stream().filter(p -> p.endsWith(".parquet")).count());
        // read back through plain read_parquet with hive partitioning: the same rows as the warehouse
        assertThat(Lakes.duck("SELECT songplay_id, (start_time AT TIME ZONE 'UTC')::VARCHAR, user_id, level, song_id, artist_id, session_id, "
            + "item_in_session, location, user_agent, song, artist, year, month FROM read_parquet(" + glob(lake, "songplays")
            + ", hive_partitioning = true) ORDER BY songplay_id"))
            .isEqualTo(Etl.rows(db, "SELECT songplay_id, start_time::VARCHAR, user_id, level, song_id, artist_id, session_id, "
                + "item_in_session, location, user_agent, song, artist, year(start_time), month(start_time) FROM songplays ORDER BY songplay_id"));
        assertThat(Lakes.duck("SELECT song_id, title, artist_id, year, duration FROM read_parquet(" + glob(lake, "songs")
            + ", hive_partitioning = true) ORDER BY song_id"))
            .isEqualTo(Etl.rows(db, "SELECT song_id, title, artist_id, year, duration FROM songs ORDER BY song_id"));
        // and opened in Encore as a read-only source: every star table identical to the warehouse's
        assertThat(Etl.starTables(lake)).isEqualTo(Etl.starTables(db));
        assertThat(Files.exists(lake.resolve(LakeManifest.SUCCESS))).isTrue();
    }
}
