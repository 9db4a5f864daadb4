package encore.lake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import encore.TestData;
import encore.generate.DatasetGenerator;
import encore.generate.GeneratorSpec;
import encore.pipeline.Etl;
import encore.task.Cancellation;
import encore.task.CancelledException;
import encore.task.EncoreException;
import encore.task.Progress;
import encore.task.ProgressListener;
import encore.warehouse.WarehouseSettings;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Publishing: partitions mode, and a cancelled, failed or killed export leaving the previous lake as it was. */
class LakePublishTest {

    @TempDir
    static Path tmp;
    /** November 2018 (the bundled sample). */
    static Path november;
    /** December 2018: 5,000 songs (thousands of classic partitions, so several chunks), other users. */
    static Path december;

    @BeforeAll
    static void load() {
        november = tmp.resolve("november.duckdb");
        Etl.load(TestData.sample(), november);
        Path data = tmp.resolve("december-data");
        new DatasetGenerator(new GeneratorSpec(data, 5_000, 3, 40, 1_500, 7, LocalDate.of(2018, 12, 1), 0.3))
            .generate(ProgressListener.NONE, new Cancellation());
        december = tmp.resolve("december.duckdb");
        Etl.load(data, december);
    }

    @Test
    void partitions_mode_replaces_the_partitions_of_this_run_and_keeps_the_others() {
        Path lake = tmp.resolve("by-partition");
        Lakes.export(november, lake, LakeLayout.COMPACT, PublishMode.OVERWRITE, LakeCompression.SNAPPY);
        LakeSummary s = Lakes.export(december, lake, LakeLayout.COMPACT, PublishMode.PARTITIONS, LakeCompression.SNAPPY);

        assertThat(Lakes.folders(lake.resolve("songplays").resolve("year=2018"))).containsExactly("month=11", "month=12");
        long plays = Etl.count(november, "SELECT count(*) FROM songplays") + Etl.count(december, "SELECT count(*) FROM songplays");
        assertThat(Etl.count(lake, "SELECT count(*) FROM songplays")).isEqualTo(plays);
        assertThat(LakeManifest.read(lake).table("songplays").rows()).isEqualTo(plays);
        assertThat(s.writtenFiles()).isLessThan(s.files());
        // unpartitioned tables are this run's whole
        assertThat(Etl.rows(lake, "SELECT * FROM users ORDER BY user_id")).isEqualTo(Etl.rows(december, "SELECT * FROM users ORDER BY user_id"));
        // songs years present in December replace November's; the others stay
        long kept = Etl.count(november, "SELECT count(*) FROM songs WHERE coalesce(year, -1) NOT IN (SELECT DISTINCT coalesce(year, -1) FROM songs)");
        assertThat(kept).isZero(); // sanity of the query itself
        List<List<String>> decemberYears = Etl.rows(december, "SELECT DISTINCT coalesce(year, -1) FROM songs");
        long novemberOnly = Etl.rows(november, "SELECT coalesce(year, -1), count(*) FROM songs GROUP BY 1").stream()
            .filter(r -> !decemberYears.contains(List.of(r.get(0)))).mapToLong(r -> Long.parseLong(r.get(1))).sum();
        assertThat(Etl.count(lake, "SELECT count(*) FROM songs"))
            .isEqualTo(Etl.count(december, "SELECT count(*) FROM songs") + novemberOnly);
        // an export in overwrite mode drops the old partitions again
        Lakes.export(december, lake, LakeLayout.COMPACT, PublishMode.OVERWRITE, LakeCompression.SNAPPY);
        assertThat(Lakes.folders(lake.resolve("songplays").resolve("year=2018"))).containsExactly("month=12");
        assertThat(Etl.starTables(lake)).isEqualTo(Etl.starTables(december));
        assertThat(Lakes.hidden(tmp)).isEmpty();
    }

    @Test
    void compact_songs_files_are_sorted_by_artist_in_row_groups_readers_can_skip() {
        Path lake = tmp.resolve("sorted");
        Lakes.export(december, lake, LakeLayout.COMPACT, PublishMode.OVERWRITE, LakeCompression.SNAPPY);
        String largest = Lakes.duck("SELECT file_name FROM parquet_file_metadata('" + lake + "/songs/**/*.parquet') ORDER BY num_rows DESC LIMIT 1")
            .get(0).get(0);
        List<String> artists = Lakes.duck("SELECT artist_id FROM read_parquet('" + largest + "', file_row_number = true) ORDER BY file_row_number")
            .stream().map(r -> r.get(0)).toList();
        assertThat(artists).hasSizeGreaterThan(50).isSorted();
    }

    @Test
    void cancelling_midway_leaves_the_previous_lake_and_removes_the_working_folder() {
        Path lake = tmp.resolve("cancelled");
        Lakes.export(november, lake, LakeLayout.CLASSIC, PublishMode.OVERWRITE, LakeCompression.SNAPPY);
        Map<String, List<Long>> before = Lakes.snapshot(lake);
        var tablesBefore = Etl.starTables(lake);

        Cancellation cancel = new Cancellation();
        List<Progress> seen = new ArrayList<>();
        ProgressListener cancelDuringSongs = p -> {
            seen.add(p);
            if (p.step().equals("songs") && p.done() == 1) {
                cancel.cancel();
            }
        };
        assertThatThrownBy(() -> new LakeExport(cancelDuringSongs, cancel, WarehouseSettings.defaults())
            .run(december, new LocalLakeDestination(lake), new LakeOptions(LakeLayout.CLASSIC, PublishMode.OVERWRITE, LakeCompression.SNAPPY)))
            .isInstanceOf(CancelledException.class);

        assertThat(seen).anyMatch(p -> p.step().equals("songs") && p.total() > 1);
        assertThat(Lakes.snapshot(lake)).isEqualTo(before);
        assertThat(Etl.starTables(lake)).isEqualTo(tablesBefore);
        assertThat(Lakes.hidden(tmp)).isEmpty();
    }

    @Test
    void a_failing_export_and_a_refused_destination_change_nothing() throws Exception {
        Path lake = tmp.resolve("failing");
        Lakes.export(november, lake, LakeLayout.COMPACT, PublishMode.OVERWRITE, LakeCompression.SNAPPY);
        Map<String, List<Long>> before = Lakes.snapshot(lake);
        // a different songs layout cannot be merged partition by partition
        assertThatThrownBy(() -> Lakes.export(december, lake, LakeLayout.CLASSIC, PublishMode.PARTITIONS, LakeCompression.SNAPPY))
            .isInstanceOf(EncoreException.class).hasMessageContaining("compact layout").hasMessageContaining(lake.toString());
        assertThat(Lakes.snapshot(lake)).isEqualTo(before);
        assertThat(Lakes.hidden(tmp)).isEmpty();

        // a folder of other files is never replaced
        Path other = tmp.resolve("not-a-lake");
        Files.createDirectories(other);
        Files.writeString(other.resolve("notes.txt"), "mine");
        assertThatThrownBy(() -> Lakes.export(november, other, LakeLayout.COMPACT, PublishMode.OVERWRITE, LakeCompression.SNAPPY))
            .isInstanceOf(EncoreException.class).hasMessageContaining(other.toString()).hasMessageContaining("no Encore lake");
        assertThat(Files.readString(other.resolve("notes.txt"))).isEqualTo("mine");

        assertThat(LakeDestinations.parse("s3://bucket/lake")).isInstanceOfSatisfying(S3LakeDestination.class,
            d -> assertThat(d.describe()).isEqualTo("s3://bucket/lake/"));
        assertThatThrownBy(() -> LakeDestinations.parse("s3://B/lake"))
            .isInstanceOf(EncoreException.class).hasMessageContaining("Not a valid S3 bucket name");
    }

    @Test
    void killing_the_export_process_midway_leaves_the_previous_lake_and_the_next_export_cleans_up() throws Exception {
        Path lake = tmp.resolve("killed");
        Lakes.export(november, lake, LakeLayout.CLASSIC, PublishMode.OVERWRITE, LakeCompression.SNAPPY);
        Map<String, List<Long>> before = Lakes.snapshot(lake);
        var tablesBefore = Etl.starTables(lake);

        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
            "-cp", classpath, "encore.Launcher", "export", "--db", december.toString(), "--to", lake.toString(), "--layout", "classic")
            .redirectErrorStream(true).start();
        boolean midway = false;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.startsWith("[songs]") && !line.contains("100%")) {
                    midway = true;
                    child.destroyForcibly();
                    break;
                }
            }
        }
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(midway).as("the export reported songs progress before it ended").isTrue();
        assertThat(child.exitValue()).isNotZero();

        assertThat(Lakes.snapshot(lake)).isEqualTo(before);
        assertThat(Etl.starTables(lake)).isEqualTo(tablesBefore);
        assertThat(Lakes.hidden(tmp)).as("the killed export's working folder").isNotEmpty();

        Lakes.export(december, lake, LakeLayout.CLASSIC, PublishMode.OVERWRITE, LakeCompression.SNAPPY);
        assertThat(Lakes.hidden(tmp)).isEmpty();
        assertThat(Etl.starTables(lake)).isEqualTo(Etl.starTables(december));
    }
}
