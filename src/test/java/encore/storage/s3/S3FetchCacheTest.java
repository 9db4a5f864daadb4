package encore.storage.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import encore.task.Cancellation;
import encore.task.CancelledException;
import encore.task.EncoreException;
import encore.task.Progress;
import encore.task.ProgressListener;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;

/** The fetch cache against a real S3-compatible server. */
class S3FetchCacheTest extends S3TestBase {

    @TempDir
    Path tmp;


    void put(String key, String text) {
        put(key, text.getBytes(StandardCharsets.UTF_8));
    }

    void put(String key, byte[] bytes) {
        clients.sync().putObject(b -> b.bucket(bucket).key(key), RequestBody.fromBytes(bytes));
    }

    static byte[] gzip(String text) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }

    static List<String> files(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().startsWith("."))
                .map(p -> dir.relativize(p).toString().replace('\\', '/')).sorted().toList();
        }
    }

    @Test
    void mirrors_json_objects_decompresses_gzip_and_skips_other_objects() throws IOException {
        put("data/song_data/A/B/TRA.json", "{\"song_id\":\"A\"}");
        put("data/log_data/2018/11/2018-11-01-events.json.gz", gzip("{\"ts\":1}\n{\"ts\":2}\n"));
        put("data/log_data/notes.txt", "not data");
        put("data/folder/", "");
        put("other/x.json", "{}");

        S3FetchCache cache = new S3FetchCache(clients, tmp.resolve("cache"));
        List<Progress> events = new CopyOnWriteArrayList<>();
        S3FetchCache.Result r = cache.mirror(S3Location.parse("s3://" + bucket + "/data"), events::add, new Cancellation());

        assertThat(r.folder()).isEqualTo(tmp.resolve("cache").resolve(bucket).resolve("data"));
        assertThat(files(r.folder())).containsExactly("log_data/2018/11/2018-11-01-events.json", "song_data/A/B/TRA.json");
        assertThat(Files.readString(r.folder().resolve("log_data/2018/11/2018-11-01-events.json"))).isEqualTo("{\"ts\":1}\n{\"ts\":2}\n");
        assertThat(Files.readString(r.folder().resolve("song_data/A/B/TRA.json"))).isEqualTo("{\"song_id\":\"A\"}");
        assertThat(r.objects()).isEqualTo(2);
        assertThat(r.fetched()).isEqualTo(2);
        assertThat(r.cached()).isZero();
        assertThat(r.fetchedBytes()).isPositive();
        assertThat(events).anyMatch(p -> p.step().equals(S3FetchCache.STEP) && p.done() == 2 && p.total() == 2);
    }

    @Test
    void a_rerun_fetches_only_new_and_changed_objects_and_drops_deleted_ones() throws IOException {
        for (int i = 0; i < 30; i++) {
            put("d/song_data/S" + i + ".json", "{\"n\":" + i + "}");
        }
        S3FetchCache cache = new S3FetchCache(clients, tmp.resolve("cache"));
        S3Location loc = S3Location.parse("s3://" + bucket + "/d/");
        S3FetchCache.Result first = cache.mirror(loc, ProgressListener.NONE, new Cancellation());
        assertThat(first.fetched()).isEqualTo(30);

        S3FetchCache.Result same = cache.mirror(loc, ProgressListener.NONE, new Cancellation());
        assertThat(same.fetched()).isZero();
        assertThat(same.cached()).isEqualTo(30);

        put("d/song_data/S3.json", "{\"n\":\"changed\"}");
        put("d/song_data/S30.json", "{\"n\":30}");
        clients.sync().deleteObject(b -> b.bucket(bucket).key("d/song_data/S7.json"));
        S3FetchCache.Result next = new S3FetchCache(clients, tmp.resolve("cache")).mirror(loc, ProgressListener.NONE, new Cancellation());

        assertThat(next.fetched()).isEqualTo(2);
        assertThat(next.cached()).isEqualTo(28);
        assertThat(next.removed()).isEqualTo(1);
        assertThat(Files.readString(next.folder().resolve("song_data/S3.json"))).isEqualTo("{\"n\":\"changed\"}");
        assertThat(Files.exists(next.folder().resolve("song_data/S7.json"))).isFalse();
        assertThat(Files.exists(next.folder().resolve("song_data/.S7.json.etag"))).isFalse();
        assertThat(files(next.folder())).hasSize(30);
    }

    @Test
    void a_local_copy_edited_by_hand_is_fetched_again_only_when_its_tag_is_gone() throws IOException {
        put("k/song_data/a.json", "{\"a\":1}");
        S3FetchCache cache = new S3FetchCache(clients, tmp.resolve("cache"));
        S3Location loc = S3Location.parse("s3://" + bucket + "/k");
        Path folder = cache.mirror(loc, ProgressListener.NONE, new Cancellation()).folder();
        Files.delete(folder.resolve("song_data/.a.json.etag"));
        S3FetchCache.Result r = cache.mirror(loc, ProgressListener.NONE, new Cancellation());
        assertThat(r.fetched()).isEqualTo(1);
        assertThat(Files.exists(folder.resolve("song_data/.a.json.etag"))).isTrue();
    }

    @Test
    void cancel_stops_the_fetch_and_leaves_no_partial_files() throws IOException {
        for (int i = 0; i < 3000; i++) {
            server.putDirect(bucket, "c/log_data/f" + i + ".json", ("{\"ts\":" + i + "}\n").getBytes(StandardCharsets.UTF_8));
        }
        Cancellation cancel = new Cancellation();
        ProgressListener cancelOnFirstFetched = p -> {
            if (p.step().equals(S3FetchCache.STEP) && p.done() > 0) {
                cancel.cancel();
            }
        };
        try (S3Clients one = server.clients(server.settings().withConcurrency(1))) {
            S3FetchCache cache = new S3FetchCache(one, tmp.resolve("cache"));
            assertThatThrownBy(() -> cache.mirror(S3Location.parse("s3://" + bucket + "/c"), cancelOnFirstFetched, cancel))
                .isInstanceOf(CancelledException.class);
        }
        Path folder = tmp.resolve("cache").resolve(bucket).resolve("c");
        assertThat(files(folder)).hasSizeLessThan(3000);
        try (Stream<Path> s = Files.walk(folder)) {
            assertThat(s.map(p -> p.getFileName().toString())).noneMatch(n -> n.contains(".part-"));
        }
    }

    @Test
    void a_corrupt_gzip_object_is_named_in_the_error() throws IOException {
        put("g/log_data/x.json.gz", "plain text, not gzip");
        S3FetchCache cache = new S3FetchCache(clients, tmp.resolve("cache"));
        assertThatThrownBy(() -> cache.mirror(S3Location.parse("s3://" + bucket + "/g"), ProgressListener.NONE, new Cancellation()))
            .isInstanceOf(EncoreException.class)
            .hasMessageContaining("s3://" + bucket + "/g/log_data/x.json.gz is not valid gzip");
    }

    @Test
    void a_wrong_secret_key_says_so() {
        try (S3Clients wrong = new S3Clients(server.settings(), k -> null,
            S3TestServer.credentials(S3TestServer.ACCESS_KEY, "not-the-secret"))) {
            assertThatThrownBy(() -> new S3FetchCache(wrong, tmp).mirror(S3Location.parse("s3://" + bucket + "/x"),
                ProgressListener.NONE, new Cancellation()))
                .isInstanceOf(EncoreException.class)
                .hasMessageContaining("the secret key does not match the access key")
                .satisfies(e -> assertThat(((EncoreException) e).hint()).contains("secret key"))
                .satisfies(e -> assertThat(((EncoreException) e).oneLine()).doesNotContain("not-the-secret"));
        }
    }

    @Test
    void an_unknown_access_key_says_so() {
        try (S3Clients wrong = new S3Clients(server.settings(), k -> null, S3TestServer.credentials("nobody", "x"))) {
            assertThatThrownBy(() -> new S3FetchCache(wrong, tmp).mirror(S3Location.parse("s3://" + bucket + "/x"),
                ProgressListener.NONE, new Cancellation()))
                .isInstanceOf(EncoreException.class)
                .hasMessageContaining("does not know the access key");
        }
    }

    @Test
    void no_credentials_say_how_to_provide_them() throws IOException {
        Path empty = Files.writeString(tmp.resolve("empty-credentials"), "");
        var none = software.amazon.awssdk.auth.credentials.AwsCredentialsProviderChain.of(
            software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider.builder()
                .profileFile(software.amazon.awssdk.profiles.ProfileFile.builder().content(empty)
                    .type(software.amazon.awssdk.profiles.ProfileFile.Type.CREDENTIALS).build())
                .profileName("nobody").build());
        try (S3Clients c = new S3Clients(server.settings(), k -> null, none)) {
            assertThatThrownBy(() -> new S3FetchCache(c, tmp).mirror(S3Location.parse("s3://" + bucket + "/x"),
                ProgressListener.NONE, new Cancellation()))
                .isInstanceOf(EncoreException.class)
                .hasMessageContaining("no AWS credentials found")
                .satisfies(e -> assertThat(((EncoreException) e).hint()).contains("AWS_PROFILE").contains("aws sso login"));
        }
    }

    @Test
    void a_missing_bucket_is_named() {
        assertThatThrownBy(() -> new S3FetchCache(clients, tmp).mirror(S3Location.parse("s3://no-such-bucket-here/data"),
            ProgressListener.NONE, new Cancellation()))
            .isInstanceOf(EncoreException.class)
            .hasMessageContaining("there is no bucket named 'no-such-bucket-here'")
            .satisfies(e -> assertThat(((EncoreException) e).hint()).contains("s3://no-such-bucket-here/data/"));
    }

    @Test
    void an_unreachable_endpoint_names_the_endpoint_and_the_setting() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        S3Settings closed = new S3Settings(null, "us-east-1", "http://127.0.0.1:" + port);
        try (S3Clients c = server.clients(closed)) {
            assertThatThrownBy(() -> new S3FetchCache(c, tmp).mirror(S3Location.parse("s3://" + bucket + "/x"),
                ProgressListener.NONE, new Cancellation()))
                .isInstanceOf(EncoreException.class)
                .hasMessageContaining("cannot reach the S3 endpoint http://127.0.0.1:" + port)
                .satisfies(e -> assertThat(((EncoreException) e).hint()).contains("--endpoint-url"));
        }
    }
}
