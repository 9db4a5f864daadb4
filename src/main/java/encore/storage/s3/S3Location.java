package encore.storage.s3;

import encore.task.EncoreException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A place in S3: {@code s3://bucket/prefix}. The prefix is treated as a folder: it never starts
 * with a slash and, unless empty (the whole bucket), always ends with one.
 */
public record S3Location(String bucket, String prefix) {

    public static final String SCHEME = "s3://";

    /** Bucket names as S3 allows them (3–63 characters of lower-case letters, digits, dots, hyphens). */
    private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9.\\-]{1,61}[a-z0-9]");

    public S3Location {
        if (bucket == null || !BUCKET.matcher(bucket).matches()) {
            throw new EncoreException("Not a valid S3 bucket name: '" + bucket + "'",
                "bucket names are 3-63 lower-case letters, digits, dots and hyphens, e.g. s3://my-bucket/sparkify");
        }
        prefix = folder(prefix);
    }

    /** True when the text is an {@code s3://} location (any case of the scheme). */
    public static boolean isS3(String text) {
        return text != null && text.strip().toLowerCase(Locale.ROOT).startsWith(SCHEME);
    }

    /** Parses {@code s3://bucket[/prefix]}. */
    public static S3Location parse(String text) {
        if (!isS3(text)) {
            throw new EncoreException("Not an S3 location: '" + text + "'", "write it as s3://bucket/prefix");
        }
        String rest = text.strip().substring(SCHEME.length());
        int slash = rest.indexOf('/');
        String bucket = slash < 0 ? rest : rest.substring(0, slash);
        String prefix = slash < 0 ? "" : rest.substring(slash + 1);
        return new S3Location(bucket, prefix);
    }

    private static String folder(String prefix) {
        String p = prefix == null ? "" : prefix;
        while (p.startsWith("/")) {
            p = p.substring(1);
        }
        while (p.contains("//")) {
            p = p.replace("//", "/");
        }
        return p.isEmpty() || p.endsWith("/") ? p : p + "/";
    }

    /** The location of a sub-folder or object below this one ({@code path} relative, '/'-separated). */
    public S3Location resolve(String path) {
        return new S3Location(bucket, prefix + path);
    }

    /** The full key of an object at {@code relative} below this prefix. */
    public String key(String relative) {
        return prefix + relative;
    }

    @Override
    public String toString() {
        return SCHEME + bucket + "/" + prefix;
    }
}
