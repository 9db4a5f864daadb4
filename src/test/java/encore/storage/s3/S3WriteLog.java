package encore.storage.s3;

import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.CopyObjectRequest;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;

/**
 * Records, in the order S3 confirmed them, the keys every S3 client of the test JVM wrote to a
 * watched bucket (PUT, server-side copy, completed multipart upload). Registered for all clients
 * through the SDK's global interceptor list in the test resources.
 */
public final class S3WriteLog implements ExecutionInterceptor {

    private static final Object LOCK = new Object();
    private static String watched;
    private static final List<String> KEYS = new ArrayList<>();

    /** Starts recording the writes to {@code bucket} (forgetting earlier ones). */
    public static void watch(String bucket) {
        synchronized (LOCK) {
            watched = bucket;
            KEYS.clear();
        }
    }

    /** The keys written to the watched bucket since {@link #watch}, in order of completion. */
    public static List<String> keys() {
        synchronized (LOCK) {
            return List.copyOf(KEYS);
        }
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        String bucket;
        String key;
        if (context.request() instanceof PutObjectRequest r) {
            bucket = r.bucket();
            key = r.key();
        } else if (context.request() instanceof CopyObjectRequest r) {
            bucket = r.destinationBucket();
            key = r.destinationKey();
        } else if (context.request() instanceof CompleteMultipartUploadRequest r) {
            bucket = r.bucket();
            key = r.key();
        } else {
            return;
        }
        synchronized (LOCK) {
            if (bucket.equals(watched)) {
                KEYS.add(key);
            }
        }
    }
}
