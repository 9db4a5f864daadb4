package encore.lake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import encore.TestData;
import encore.generate.DatasetGenerator;
import encore.generate.GeneratorSpec;
import encore.pipeline.Etl;
import encore.storage.s3.S3Clients;
import encore.storage.s3.S3Listing;
import encore.storage.s3.S3Location;
import encore.storage.s3.S3TestBase;
import encore.storage.s3.S3TestServer;
import encore.storage.s3.S3WriteLog;
import encore.task.Cancellation;
import encore.task.CancelledException;
import encore.task.EncoreException;
import encore.task.ProgressListener;
import encore.warehouse.WarehouseSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;

/**
 * The lake exported to a real S3-compatible server, downloaded again and read back by plain
 * DuckDB; partitions mode; a cancelled or failed export leaving the lake in S3 as it was.
 */
class S3LakeExportTest extends S3TestBase {

    @TempDir
    static Path tmp;
    /** The public Sparkify dataset, loaded by the ETL. */
    static Path sparkify;
    /** November 2018 (the bundled sample). */
    static Path november;
    /** December 2018, generated: other months, other users. */
    static Path december;

    @TempDir
    Path work;

    @BeforeAll
    static void load() {
        november = tmp.resolve("november.duckdb");
        Etl.load(TestData.sample(), november);
        Path data = tmp.resolve("december-data");
        new DatasetGenerator(new GeneratorSpec(data, 600, 3, 40, 400, 7, LocalDate.of(2018, 12, 1), 0.3))
            .generate(ProgressListener.NONE, new Cancellation());
        december = tmp.resolve("december.duckdb");
        Etl.load(data, december);
    }

    S3Location lake() {
        return S3Location.parse("s3://" + bucket + "/sparkify/lake");
    }

    S3LakeDestination destination(Supplier<S3Clients> c) {
        return new S3LakeDestination(lake(), c);
    }

    LakeSummary export(Path db, LakeLayout layout, PublishMode mode) {
        return export(db, layout, mode, ProgressListener.NONE, new Cancellation(), server::clients);
    }

    LakeSummary export(Path db, LakeLayout layout, PublishMode mode, ProgressListener progress, Cancellation cancel,
                       Supplier<S3Clients> c) {
        return new LakeExport(progress, cancel, WarehouseSettings.defaults())
            .run(db, destination(c), new LakeOptions(layout, mode, LakeCompression.SNAPPY));
    }

    /** Every object of the bucket with its ETag. */
    Map<String, String> objects() {
        Map<String, String> out = new TreeMap<>();
        new S3Listing(clients).forEach(new S3Location(bucket, ""), new Cancellation(), o -> out.put(o.key(), o.eTag()));
        return out;
    }

    /** Downloads every object under the lake prefix into a new local folder. */
    Path download(String name) {
        Path root = work.resolve(name);
        new S3Listing(clients).forEach(lake(), new Cancellation(), o -> {
            Path file = root.resolve(o.key().substring(lake().prefix().length()));
            try {
                Files.createDirectories(file.getParent());
                Files.write(file, clients.sync().getObjectAsBytes(b -> b.bucket(bucket).key(o.key())).asByteArray());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        return root;
    }

    @Test
    void the_sparkify_lake_in_s3_reads_back_as_the_warehouse_with_manifest_then_success_written_last() {
        sparkify = tmp.resolve("sparkify.duckdb");
        Etl.load(TestData.sparkify(), sparkify);
        S3WriteLog.watch(bucket);

        LakeSummary s = export(sparkify, LakeLayout.CLASSIC, PublishMode.OVERWRITE);

        assertThat(s.destination()).isEqualTo("s3://" + bucket + "/sparkify/lake/");
        List<String> written = S3WriteLog.keys();
        String prefix = lake().prefix();
        assertThat(written.get(written.size() - 1)).isEqualTo(prefix + LakeManifest.SUCCESS);
        assertThat(written.get(written.size() - 2)).isEqualTo(prefix + LakeManifest.FILE_NAME);
        Path local = download("classic");
        LakeManifest m = LakeManifest.read(local);
        // the bucket holds exactly the manifest's files, the manifest and the marker: no staging left over
        Set<String> expected = new HashSet<>();
        m.files().forEach(f -> expected.add(prefix + f.path()));
        expected.add(prefix + LakeManifest.FILE_NAME);
        expected.add(prefix + LakeManifest.SUCCESS);
        assertThat(objects().keySet()).isEqualTo(expected);
        assertThat(m.fileCount()).isEqualTo(s.files()).isGreaterThan(10);
        // every file listed with its row count, every table with the warehouse's rows, read back by plain DuckDB
        LakeExportTest.assertSameRowsAsTheWarehouse(sparkify, local);
    }

    @Test
    void partitions_mode_keeps_the_other_partitions_and_publishes_a_manifest_of_the_whole_lake() {
        export(november, LakeLayout.COMPACT, PublishMode.OVERWRITE);
        LakeSummary s = export(december, LakeLayout.COMPACT, PublishMode.PARTITIONS);

        Path local = download("merged");
        LakeManifest m = LakeManifest.read(local);
        assertThat(Lakes.folders(local.resolve("songplays").resolve("year=2018"))).containsExactly("month=11", "month=12");
        long plays = Etl.count(november, "SELECT count(*) FROM songplays") + Etl.count(december, "SELECT count(*) FROM songplays");
        assertThat(m.table("songplays").rows()).isEqualTo(plays);
        assertThat(Lakes.duck("SELECT count(*) FROM read_parquet('" + local + "/songplays/**/*.parquet', hive_partitioning = true)")
            .get(0).get(0)).isEqualTo(Long.toString(plays));
        assertThat(s.writtenFiles()).isLessThan(s.files());
        assertThat(m.fileCount()).isEqualTo(s.files());
        // the manifest lists exactly the Parquet objects in S3, each with its rows
        Set<String> parquet = new HashSet<>(Lakes.snapshot(local).keySet());
        parquet.removeIf(p -> !p.endsWith(".parquet"));
        assertThat(m.files()).extracting(LakeManifest.DataFile::path).containsExactlyInAnyOrderElementsOf(parquet);
        for (LakeManifest.DataFile f : m.files()) {
            assertThat(Lakes.duck("SELECT num_rows FROM parquet_file_metadata('" + local.resolve(f.path()) + "')").get(0).get(0))
                .as(f.path()).isEqualTo(Long.toString(f.rows()));
        }
        // unpartitioned tables are this run's whole
        assertThat(Etl.rows(local, "SELECT * FROM users ORDER BY user_id"))
            .isEqualTo(Etl.rows(december, "SELECT * FROM users ORDER BY user_id"));

        // a different songs layout is refused before anything is written
        Map<String, String> before = objects();
        assertThatThrownBy(() -> export(december, LakeLayout.CLASSIC, PublishMode.PARTITIONS))
            .isInstanceOf(EncoreException.class).hasMessageContaining("compact layout").hasMessageContaining(lake().toString());
        assertThat(objects()).isEqualTo(before);

        // overwrite drops November again
        export(december, LakeLayout.COMPACT, PublishMode.OVERWRITE);
        assertThat(Etl.starTables(download("overwritten"))).isEqualTo(Etl.starTables(december));
    }

    @Test
    void a_cancelled_upload_or_a_wrong_secret_leaves_the_lake_in_s3_as_it_was() {
        export(november, LakeLayout.COMPACT, PublishMode.OVERWRITE);
        Map<String, String> before = objects();

        Cancellation cancel = new Cancellation();
        ProgressListener cancelDuringUpload = p -> {
            if (p.step().equals("publish") && "bytes".equals(p.unit()) && p.done() > 0) {
                cancel.cancel();
            }
        };
        assertThatThrownBy(() -> export(december, LakeLayout.CLASSIC, PublishMode.OVERWRITE, cancelDuringUpload, cancel,
            () -> server.clients(server.settings().withConcurrency(1))))
            .isInstanceOf(CancelledException.class);
        assertThat(cancel.isCancelled()).isTrue();
        assertThat(objects()).isEqualTo(before);

        Supplier<S3Clients> wrongSecret = () -> new S3Clients(server.settings(), k -> null,
            S3TestServer.credentials(S3TestServer.ACCESS_KEY, "not-the-secret"));
        assertThatThrownBy(() -> export(december, LakeLayout.COMPACT, PublishMode.OVERWRITE, ProgressListener.NONE,
            new Cancellation(), wrongSecret))
            .isInstanceOf(EncoreException.class).hasMessageContaining("secret key does not match");
        assertThat(objects()).isEqualTo(before);
        assertThat(Etl.starTables(download("unchanged"))).isEqualTo(Etl.starTables(november));
    }

    @Test
    void a_missing_bucket_and_a_prefix_of_other_objects_are_refused_with_clear_errors() {
        LakeDestination missing = LakeDestinations.parse("s3://no-such-bucket-" + bucket + "/lake", server.settings());
        assertThat(missing).isInstanceOf(S3LakeDestination.class);
        assertThatThrownBy(() -> new LakeExport(ProgressListener.NONE, new Cancellation(), WarehouseSettings.defaults())
            .run(november, new S3LakeDestination(S3Location.parse(missing.describe()), server::clients), LakeOptions.defaults()))
            .isInstanceOf(EncoreException.class).hasMessageContaining("there is no bucket named 'no-such-bucket-" + bucket + "'");

        clients.sync().putObject(b -> b.bucket(bucket).key("sparkify/lake/notes.txt"), RequestBody.fromString("mine"));
        Map<String, String> before = objects();
        assertThatThrownBy(() -> export(november, LakeLayout.COMPACT, PublishMode.OVERWRITE))
            .isInstanceOf(EncoreException.class).hasMessageContaining("no Encore lake")
            .hasMessageContaining("sparkify/lake/notes.txt");
        assertThat(objects()).isEqualTo(before);
    }

    @Test
    void a_lake_in_s3_opens_read_only_from_a_local_mirror_that_follows_later_exports() {
        export(november, LakeLayout.COMPACT, PublishMode.OVERWRITE);
        Path cache = work.resolve("cache");
        Path local = S3LakeMirror.fetch(lake(), clients, cache, ProgressListener.NONE, new Cancellation());
        assertThat(local).startsWith(cache);
        assertThat(Etl.starTables(local)).isEqualTo(Etl.starTables(november));
        Map<String, List<Long>> mirrored = Lakes.snapshot(local);

        // opening again downloads nothing
        assertThat(S3LakeMirror.fetch(lake(), clients, cache, ProgressListener.NONE, new Cancellation())).isEqualTo(local);
        assertThat(Lakes.snapshot(local)).isEqualTo(mirrored);

        // after a partitions-mode export the mirror holds both months, after an overwrite only December
        export(december, LakeLayout.COMPACT, PublishMode.PARTITIONS);
        S3LakeMirror.fetch(lake(), clients, cache, ProgressListener.NONE, new Cancellation());
        assertThat(Etl.count(local, "SELECT count(*) FROM songplays")).isEqualTo(
            Etl.count(november, "SELECT count(*) FROM songplays") + Etl.count(december, "SELECT count(*) FROM songplays"));
        export(december, LakeLayout.COMPACT, PublishMode.OVERWRITE);
        S3LakeMirror.fetch(lake(), clients, cache, ProgressListener.NONE, new Cancellation());
        assertThat(Etl.starTables(local)).isEqualTo(Etl.starTables(december));

        // a lake without its _SUCCESS marker (an export running or interrupted) is not opened
        clients.sync().deleteObject(b -> b.bucket(bucket).key(lake().key(LakeManifest.SUCCESS)));
        assertThatThrownBy(() -> S3LakeMirror.fetch(lake(), clients, cache, ProgressListener.NONE, new Cancellation()))
            .isInstanceOf(EncoreException.class).hasMessageContaining("incomplete").hasMessageContaining(lake().toString());
        // nor a prefix without a lake
        assertThatThrownBy(() -> S3LakeMirror.fetch(S3Location.parse("s3://" + bucket + "/nothing"), clients, cache,
            ProgressListener.NONE, new Cancellation()))
            .isInstanceOf(EncoreException.class).hasMessageContaining("Not a lake");
    }
}
