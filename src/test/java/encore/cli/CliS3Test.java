package encore.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import encore.TestData;
import encore.pipeline.Etl;
import encore.storage.s3.S3Clients;
import encore.storage.s3.S3Listing;
import encore.storage.s3.S3Location;
import encore.storage.s3.S3TestServer;
import encore.storage.s3.S3Upload;
import encore.task.Cancellation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code encore etl} with S3 input, against a real S3-compatible server; credentials come the way
 * they do for AWS users, from a named profile of a shared credentials file.
 */
class CliS3Test {

    @TempDir
    Path tmp;

    S3TestServer server;
    String bucket;
    String oldCredentials;
    String oldConfig;

    @BeforeEach
    void setUp() throws Exception {
        server = S3TestServer.get();
        bucket = server.newBucket("cli");
        Path credentials = tmp.resolve("credentials");
        Files.writeString(credentials, "[encore-test]\naws_access_key_id = " + S3TestServer.ACCESS_KEY
            + "\naws_secret_access_key = " + S3TestServer.SECRET_KEY + "\n\n[wrong-secret]\naws_access_key_id = "
            + S3TestServer.ACCESS_KEY + "\naws_secret_access_key = nope\n");
        Path config = tmp.resolve("config");
        Files.writeString(config, "[profile encore-test]\nregion = us-east-1\n");
        oldCredentials = System.setProperty("aws.sharedCredentialsFile", credentials.toString());
        oldConfig = System.setProperty("aws.configFile", config.toString());
    }

    @AfterEach
    void tearDown() {
        restore("aws.sharedCredentialsFile", oldCredentials);
        restore("aws.configFile", oldConfig);
    }

    static void restore(String key, String value) {
        if (value == null) {
            System.clearProperty(key);
        } else {
            System.setProperty(key, value);
        }
    }

    String endpoint() {
        return server.endpoint().toString();
    }

    @Test
    void etl_loads_an_s3_data_root_through_a_named_profile() {
        try (S3Clients clients = server.clients()) {
            S3Upload.tree(clients, TestData.sample(), bucket, "sample/", Set.of("log_data/2018-11-02-events.json"));
        }
        Path localDb = tmp.resolve("local.duckdb");
        Etl.load(TestData.sample(), localDb);
        Path db = tmp.resolve("w.duckdb");

        CliTest.Run r = CliTest.run("etl", "--data", "s3://" + bucket + "/sample", "--db", db.toString(), "--json",
            "--profile", "encore-test", "--endpoint-url", endpoint(), "--cache", tmp.resolve("cache").toString());

        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.err()).contains("[fetch]").contains("s3://" + bucket + "/sample/").doesNotContain(S3TestServer.SECRET_KEY);
        assertThat(Etl.starTables(db)).isEqualTo(Etl.starTables(localDb));
        assertThat(Files.isDirectory(tmp.resolve("cache").resolve(bucket).resolve("sample/log_data"))).isTrue();
    }

    @Test
    void etl_takes_song_and_log_locations_in_s3() throws Exception {
        try (S3Clients clients = server.clients()) {
            S3Upload.tree(clients, TestData.sample().resolve("song_data"), bucket, "songs/", Set.of());
            S3Upload.tree(clients, TestData.sample().resolve("log_data"), bucket, "logs/", Set.of());
        }
        Path db = tmp.resolve("w.duckdb");
        CliTest.Run r = CliTest.run("etl", "--songs", "s3://" + bucket + "/songs", "--logs", "s3://" + bucket + "/logs",
            "--db", db.toString(), "--json", "--profile", "encore-test", "--endpoint-url", endpoint(),
            "--cache", tmp.resolve("cache").toString());
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertThat(json.get("tables").get("songs").asLong()).isEqualTo(400);
        assertThat(json.get("rejectedEvents").asLong() + json.get("rejectedSongs").asLong()).isZero();
    }

    @Test
    void a_wrong_secret_key_fails_with_one_line_naming_the_profile() {
        CliTest.Run r = CliTest.run("etl", "--data", "s3://" + bucket + "/x", "--db", tmp.resolve("w.duckdb").toString(),
            "--profile", "wrong-secret", "--region", "us-east-1", "--endpoint-url", endpoint(),
            "--cache", tmp.resolve("cache").toString());
        assertThat(r.exit()).isEqualTo(EncoreCli.FAILED);
        assertThat(r.err()).contains("the secret key does not match the access key").contains("profile 'wrong-secret'")
            .doesNotContain("nope");
        assertThat(Files.exists(tmp.resolve("w.duckdb"))).isFalse();
    }

    @Test
    void an_unknown_profile_and_a_missing_bucket_are_named() {
        CliTest.Run noProfile = CliTest.run("etl", "--data", "s3://" + bucket + "/x", "--db", tmp.resolve("w.duckdb").toString(),
            "--profile", "no-such-profile", "--endpoint-url", endpoint());
        assertThat(noProfile.exit()).isEqualTo(EncoreCli.FAILED);
        assertThat(noProfile.err()).contains("No AWS profile named 'no-such-profile'").contains("encore-test");

        CliTest.Run noBucket = CliTest.run("etl", "--data", "s3://missing-bucket-42/x", "--db", tmp.resolve("w.duckdb").toString(),
            "--profile", "encore-test", "--endpoint-url", endpoint(), "--cache", tmp.resolve("cache").toString());
        assertThat(noBucket.exit()).isEqualTo(EncoreCli.FAILED);
        assertThat(noBucket.err()).contains("there is no bucket named 'missing-bucket-42'");
    }

    @Test
    void an_empty_prefix_says_what_was_expected() {
        CliTest.Run r = CliTest.run("etl", "--data", "s3://" + bucket + "/nothing-here", "--db", tmp.resolve("w.duckdb").toString(),
            "--profile", "encore-test", "--endpoint-url", endpoint(), "--cache", tmp.resolve("cache").toString());
        assertThat(r.exit()).isEqualTo(EncoreCli.FAILED);
        assertThat(r.err()).contains("No song or log data under s3://" + bucket + "/nothing-here/");
    }

    @Test
    void export_publishes_the_lake_to_s3_through_a_named_profile_and_a_wrong_secret_changes_nothing() throws Exception {
        Path db = tmp.resolve("w.duckdb");
        Etl.load(TestData.sample(), db);
        String to = "s3://" + bucket + "/lakes/sparkify";

        CliTest.Run r = CliTest.run("export", "--db", db.toString(), "--to", to, "--json",
            "--profile", "encore-test", "--endpoint-url", endpoint());

        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertThat(json.get("destination").asText()).isEqualTo(to + "/");
        assertThat(json.get("rows").asLong()).isEqualTo(Etl.starTables(db).stream().mapToLong(List::size).sum());
        Map<String, String> objects = new TreeMap<>();
        try (S3Clients clients = server.clients()) {
            new S3Listing(clients).forEach(S3Location.parse(to), new Cancellation(),
                o -> objects.put(o.key(), o.eTag()));
        }
        assertThat(objects).containsKeys("lakes/sparkify/_SUCCESS", "lakes/sparkify/_manifest.json",
            "lakes/sparkify/users/data_0.parquet");
        assertThat(objects.keySet()).allMatch(k -> k.startsWith("lakes/sparkify/"));

        // and queried from S3 (mirrored into the cache, opened read-only)
        CliTest.Run q = CliTest.run("query", "--db", to, "--format", "csv", "--profile", "encore-test", "--endpoint-url", endpoint(),
            "--cache", tmp.resolve("cache").toString(), "SELECT count(*) AS plays, count(DISTINCT user_id) AS users FROM songplays");
        assertThat(q.exit()).as(q.err()).isZero();
        assertThat(q.out().strip().lines().toList()).containsExactly("plays,users",
            Etl.count(db, "SELECT count(*) FROM songplays") + "," + Etl.count(db, "SELECT count(DISTINCT user_id) FROM songplays"));
        assertThat(Files.isRegularFile(tmp.resolve("cache").resolve(bucket).resolve("lakes/sparkify/_manifest.json"))).isTrue();

        CliTest.Run wrong = CliTest.run("export", "--db", db.toString(), "--to", to,
            "--profile", "wrong-secret", "--region", "us-east-1", "--endpoint-url", endpoint());
        assertThat(wrong.exit()).isEqualTo(EncoreCli.FAILED);
        assertThat(wrong.err()).contains("the secret key does not match the access key").contains(to).doesNotContain("nope");
        try (S3Clients clients = server.clients()) {
            Map<String, String> after = new TreeMap<>();
            new S3Listing(clients).forEach(S3Location.parse(to), new Cancellation(),
                o -> after.put(o.key(), o.eTag()));
            assertThat(after).isEqualTo(objects);
        }
    }
}
