package encore.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import encore.TestData;
import encore.source.SourceLocation;
import encore.storage.s3.S3FetchCache;
import encore.storage.s3.S3TestBase;
import encore.storage.s3.S3Upload;
import encore.task.Cancellation;
import encore.task.Progress;
import encore.task.ProgressListener;
import encore.warehouse.WarehouseSettings;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;

/**
 * The ETL with its input in S3 (the Sparkify dataset put into a bucket of a real S3-compatible
 * server, one log and one song file gzipped) gives the same tables as the ETL of the local files.
 */
class EtlFromS3Test extends S3TestBase {

    static final String GZ_LOG = "log_data/2018/11/2018-11-15-events.json";
    static final String GZ_SONG = "song_data/A/B/B/TRABBNP128F932546F.json";

    @TempDir
    Path tmp;


    InputResolver resolver(Path cache, ProgressListener progress) {
        return new InputResolver(server.settings(), cache, progress, new Cancellation(), server::clients);
    }

    EtlSummary load(SourceLocation location, Path db) {
        return new EtlJob(ProgressListener.NONE, new Cancellation(), WarehouseSettings.defaults()).run(location, db);
    }

    @Test
    void a_load_from_s3_equals_the_local_load_and_a_rerun_fetches_only_changed_objects() throws Exception {
        Path local = TestData.sparkify();
        int objects = S3Upload.tree(clients, local, bucket, "sparkify/", Set.of(GZ_LOG, GZ_SONG));
        assertThat(objects).isGreaterThan(100);
        Path localDb = tmp.resolve("local.duckdb");
        EtlSummary expected = Etl.load(local, localDb);

        Path cache = tmp.resolve("cache");
        List<Progress> events = new CopyOnWriteArrayList<>();
        InputResolver first = resolver(cache, events::add);
        SourceLocation fromS3 = first.resolve("s3://" + bucket + "/sparkify", null, null);
        Path s3Db = tmp.resolve("s3.duckdb");
        EtlSummary actual = load(fromS3, s3Db);

        assertThat(fromS3.songs()).startsWith(cache);
        assertThat(first.fetches()).hasSize(1);
        long dataObjects = first.fetches().get(0).objects();
        assertThat(first.fetches().get(0).fetched()).isEqualTo(dataObjects);
        assertThat(events).anyMatch(p -> p.step().equals(S3FetchCache.STEP) && p.done() == dataObjects && p.total() == dataObjects);
        assertThat(Files.readString(fromS3.logs().resolve("2018/11/2018-11-15-events.json")))
            .isEqualTo(Files.readString(local.resolve(GZ_LOG)));
        assertThat(actual.rejected()).isZero();
        assertThat(actual.stagedEvents()).isEqualTo(expected.stagedEvents());
        assertThat(actual.tables()).isEqualTo(expected.tables());
        assertThat(actual.checksPassed()).isTrue();
        assertThat(Etl.starTables(s3Db)).isEqualTo(Etl.starTables(localDb));

        // nothing changed: nothing is downloaded
        InputResolver again = resolver(cache, ProgressListener.NONE);
        again.resolve("s3://" + bucket + "/sparkify/", null, null);
        assertThat(again.fetches().get(0).fetched()).isZero();
        assertThat(again.fetches().get(0).cached()).isEqualTo(dataObjects);

        // one log object changes (a day's first event removed): only it is downloaded, and the
        // reload from the cache equals a local load of the same change
        List<String> lines = Files.readAllLines(local.resolve("log_data/2018/11/2018-11-30-events.json"), StandardCharsets.UTF_8);
        String changed = String.join("\n", lines.subList(1, lines.size())) + "\n";
        clients.sync().putObject(b -> b.bucket(bucket).key("sparkify/log_data/2018/11/2018-11-30-events.json"),
            RequestBody.fromString(changed));
        InputResolver third = resolver(cache, ProgressListener.NONE);
        SourceLocation changedLocation = third.resolve("s3://" + bucket + "/sparkify", null, null);
        assertThat(third.fetches().get(0).fetched()).isEqualTo(1);
        assertThat(third.fetches().get(0).cached()).isEqualTo(dataObjects - 1);
        Path s3Db2 = tmp.resolve("s3-2.duckdb");
        EtlSummary reloaded = load(changedLocation, s3Db2);
        assertThat(reloaded.stagedEvents()).isEqualTo(expected.stagedEvents() - 1);
    }

    @Test
    void song_and_log_locations_can_be_given_separately_and_mixed_with_local_folders() {
        Path local = TestData.sample();
        S3Upload.tree(clients, local.resolve("log_data"), bucket, "raw/logs/", Set.of());
        Path localDb = tmp.resolve("local.duckdb");
        Etl.load(local, localDb);

        InputResolver r = resolver(tmp.resolve("cache"), ProgressListener.NONE);
        SourceLocation loc = r.resolve("", local.resolve("song_data").toString(), "s3://" + bucket + "/raw/logs");
        Path db = tmp.resolve("mixed.duckdb");
        load(loc, db);

        assertThat(loc.songs()).isEqualTo(local.resolve("song_data").toAbsolutePath().normalize());
        assertThat(Etl.starTables(db)).isEqualTo(Etl.starTables(localDb));
    }
}
