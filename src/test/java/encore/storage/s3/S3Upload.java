package encore.storage.s3;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import software.amazon.awssdk.core.sync.RequestBody;

/** Test helper: puts a local folder tree into a bucket, optionally gzipping some files. */
public final class S3Upload {

    private S3Upload() {
    }

    /**
     * Uploads every file under {@code root} to {@code bucket/prefix/<relative path>}; files whose
     * relative path is in {@code gzipped} are uploaded gzip-compressed as {@code <path>.gz}.
     * Returns how many objects were put.
     */
    public static int tree(S3Clients clients, Path root, String bucket, String prefix, Set<String> gzipped) {
        try (Stream<Path> s = Files.walk(root)) {
            int n = 0;
            for (Path f : (Iterable<Path>) s.filter(Files::isRegularFile).sorted()::iterator) {
                String rel = root.relativize(f).toString().replace('\\', '/');
                byte[] bytes = Files.readAllBytes(f);
                String key = prefix + rel;
                if (gzipped.contains(rel)) {
                    bytes = gzip(bytes);
                    key += ".gz";
                }
                String k = key;
                clients.sync().putObject(b -> b.bucket(bucket).key(k), RequestBody.fromBytes(bytes));
                n++;
            }
            return n;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        }
        return out.toByteArray();
    }
}
