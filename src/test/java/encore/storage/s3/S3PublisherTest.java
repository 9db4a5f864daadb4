package encore.storage.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import encore.task.Cancellation;
import encore.task.CancelledException;
import encore.task.EncoreException;
import encore.task.ProgressListener;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;

/** The safe publish of a local tree, against a real S3-compatible server. */
class S3PublisherTest extends S3TestBase {

    @TempDir
    Path tmp;


    void put(String key, String text) {
        clients.sync().putObject(b -> b.bucket(bucket).key(key), RequestBody.fromString(text));
    }

    /** Every object of the bucket, key to content (large objects by size). */
    Map<String, String> bucketContents() {
        Map<String, String> out = new TreeMap<>();
        new S3Listing(clients).forEach(new S3Location(bucket, ""), new Cancellation(), o -> {
            byte[] bytes = clients.sync().getObjectAsBytes(b -> b.bucket(bucket).key(o.key())).asByteArray();
            out.put(o.key(), bytes.length > 4096 ? "<" + bytes.length + " bytes, hash " + java.util.Arrays.hashCode(bytes) + ">"
                : new String(bytes, StandardCharsets.UTF_8));
        });
        return out;
    }

    Path file(Path root, String rel, String text) throws IOException {
        Path f = root.resolve(rel);
        Files.createDirectories(f.getParent());
        Files.writeString(f, text);
        return f;
    }

    void seedOldLake() {
        put("lake/songs/year=2017/a.parquet", "old a");
        put("lake/old.txt", "old top-level file");
        put("lake/manifest.json", "{\"old\":true}");
        put("lake/_SUCCESS", "");
        put("lake2/sibling.txt", "a sibling prefix, not part of lake/");
        put("other/keep.txt", "outside");
    }

    Map<String, String> oldLake() {
        return Map.of("lake/songs/year=2017/a.parquet", "old a", "lake/old.txt", "old top-level file",
            "lake/manifest.json", "{\"old\":true}", "lake/_SUCCESS", "",
            "lake2/sibling.txt", "a sibling prefix, not part of lake/", "other/keep.txt", "outside");
    }

    @Test
    void overwrite_replaces_the_prefix_with_the_new_tree_then_manifest_then_success() throws IOException {
        seedOldLake();
        Path tree = tmp.resolve("tree");
        file(tree, "songs/year=2018/b.parquet", "new b");
        file(tree, "top.txt", "new top");
        byte[] big = new byte[12 << 20];
        new Random(7).nextBytes(big);
        Files.write(tree.resolve("songs/year=2018/big.bin"), big);
        Path manifest = file(tmp, "manifest.json", "{\"files\":3}");

        S3Publisher.Result r = new S3Publisher(clients).publish(tree, S3Location.parse("s3://" + bucket + "/lake"),
            S3Publisher.Mode.OVERWRITE, manifest, ProgressListener.NONE, new Cancellation());

        Map<String, String> after = bucketContents();
        assertThat(after).containsOnlyKeys("lake/songs/year=2018/b.parquet", "lake/songs/year=2018/big.bin", "lake/top.txt",
            "lake/manifest.json", "lake/_SUCCESS", "lake2/sibling.txt", "other/keep.txt");
        assertThat(after).containsEntry("lake/songs/year=2018/b.parquet", "new b")
            .containsEntry("lake/top.txt", "new top")
            .containsEntry("lake/manifest.json", "{\"files\":3}")
            .containsEntry("lake/_SUCCESS", "")
            .containsEntry("lake2/sibling.txt", "a sibling prefix, not part of lake/");
        byte[] copied = clients.sync().getObjectAsBytes(b -> b.bucket(bucket).key("lake/songs/year=2018/big.bin")).asByteArray();
        assertThat(copied).isEqualTo(big);
        assertThat(r.objects()).isEqualTo(3);
        assertThat(r.removed()).isEqualTo(2);
        assertThat(r.stagingPrefix()).startsWith("lake.staging-");
    }

    @Test
    void partitions_mode_replaces_only_the_partitions_the_tree_has() throws IOException {
        put("lake/year=2018/a.parquet", "old 2018 a");
        put("lake/year=2018/stale.parquet", "old 2018 stale");
        put("lake/year=2019/keep.parquet", "2019 stays");
        put("lake/notes.txt", "top-level stays");
        Path tree = tmp.resolve("tree");
        file(tree, "year=2018/a.parquet", "new 2018 a");
        file(tree, "year=2020/n.parquet", "new 2020");

        S3Publisher.Result r = new S3Publisher(clients).publish(tree, S3Location.parse("s3://" + bucket + "/lake/"),
            S3Publisher.Mode.PARTITIONS, null, ProgressListener.NONE, new Cancellation());

        assertThat(bucketContents()).isEqualTo(Map.of(
            "lake/year=2018/a.parquet", "new 2018 a",
            "lake/year=2019/keep.parquet", "2019 stays",
            "lake/year=2020/n.parquet", "new 2020",
            "lake/notes.txt", "top-level stays",
            "lake/_SUCCESS", ""));
        assertThat(r.removed()).isEqualTo(1);
    }

    @Test
    void a_failed_upload_leaves_the_previous_objects_untouched() throws IOException {
        seedOldLake();
        Path tree = tmp.resolve("tree");
        for (int i = 0; i < 40; i++) {
            file(tree, "part/f" + String.format("%02d", i) + ".parquet", "new " + i);
        }
        Path doomed = tree.resolve("part/f39.parquet");
        ProgressListener deleteALaterFile = p -> {
            if (p.step().equals(S3Publisher.STEP) && p.done() > 0) {
                try {
                    Files.deleteIfExists(doomed);
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }
        };
        try (S3Clients one = server.clients(server.settings().withConcurrency(1))) {
            assertThatThrownBy(() -> new S3Publisher(one).publish(tree, S3Location.parse("s3://" + bucket + "/lake"),
                S3Publisher.Mode.OVERWRITE, null, deleteALaterFile, new Cancellation()))
                .isInstanceOf(EncoreException.class)
                .hasMessageContaining("Uploading to s3://" + bucket + "/lake.staging-");
        }
        assertThat(bucketContents()).isEqualTo(oldLake());
    }

    @Test
    void a_cancelled_publish_leaves_the_previous_objects_untouched() throws IOException {
        seedOldLake();
        Path tree = tmp.resolve("tree");
        for (int i = 0; i < 40; i++) {
            file(tree, "part/f" + i + ".parquet", "new " + i);
        }
        Cancellation cancel = new Cancellation();
        try (S3Clients one = server.clients(server.settings().withConcurrency(1))) {
            assertThatThrownBy(() -> new S3Publisher(one).publish(tree, S3Location.parse("s3://" + bucket + "/lake"),
                S3Publisher.Mode.OVERWRITE, null, p -> {
                    if (p.step().equals(S3Publisher.STEP) && p.done() > 0) {
                        cancel.cancel();
                    }
                }, cancel))
                .isInstanceOf(CancelledException.class);
        }
        assertThat(bucketContents()).isEqualTo(oldLake());
    }

    @Test
    void publishing_to_the_bucket_root_keeps_its_staging_out_of_the_result() throws IOException {
        put("old.parquet", "old");
        Path tree = tmp.resolve("tree");
        file(tree, "t/a.parquet", "a");
        new S3Publisher(clients).publish(tree, S3Location.parse("s3://" + bucket), S3Publisher.Mode.OVERWRITE, null,
            ProgressListener.NONE, new Cancellation());
        assertThat(bucketContents()).isEqualTo(Map.of("t/a.parquet", "a", "_SUCCESS", ""));
    }
}
