package encore.storage.s3;

import java.net.URI;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStore;
import org.jclouds.blobstore.BlobStoreContext;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * A real S3-compatible server (S3Proxy over an in-memory jclouds store) on 127.0.0.1, started
 * once per test JVM; each test takes its own bucket.
 */
public final class S3TestServer {

    public static final String ACCESS_KEY = "encore-test-access";
    public static final String SECRET_KEY = "encore-test-secret-0123456789";

    private static S3TestServer instance;
    private static final AtomicInteger BUCKETS = new AtomicInteger();

    private final S3Proxy proxy;
    private final BlobStore store;
    private final URI endpoint;

    private S3TestServer() throws Exception {
        Properties props = new Properties();
        BlobStoreContext context = ContextBuilder.newBuilder("transient")
            .credentials("identity", "credential")
            .overrides(props)
            .build(BlobStoreContext.class);
        store = context.getBlobStore();
        proxy = S3Proxy.builder()
            .blobStore(store)
            .endpoint(URI.create("http://127.0.0.1:0"))
            .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
            .ignoreUnknownHeaders(true)
            .build();
        proxy.start();
        long deadline = System.currentTimeMillis() + 30_000;
        while (!proxy.getState().equals("STARTED")) {
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("S3Proxy did not start: " + proxy.getState());
            }
            Thread.sleep(20);
        }
        endpoint = URI.create("http://127.0.0.1:" + proxy.getPort());
    }

    /** The server, started on first use. */
    public static synchronized S3TestServer get() {
        if (instance == null) {
            try {
                instance = new S3TestServer();
            } catch (Exception e) {
                throw new IllegalStateException("Cannot start the S3 test server", e);
            }
        }
        return instance;
    }

    public URI endpoint() {
        return endpoint;
    }

    /** A new empty bucket with a unique name. */
    public String newBucket(String hint) {
        String name = ("t" + BUCKETS.incrementAndGet() + "-" + hint).toLowerCase().replaceAll("[^a-z0-9-]", "-");
        if (name.length() > 40) {
            name = name.substring(0, 40);
        }
        store.createContainerInLocation(null, name);
        return name;
    }

    /** Puts an object straight into the server's store (no HTTP: for filling a bucket fast). */
    public void putDirect(String bucket, String key, byte[] bytes) {
        store.putBlob(bucket, store.blobBuilder(key).payload(bytes).contentLength(bytes.length).build());
    }

    /** Stops the server (for a benchmark's clean exit). */
    public void stop() throws Exception {
        proxy.stop();
    }

    /** Settings that reach this server (credentials come separately: {@link #clients}). */
    public S3Settings settings() {
        return new S3Settings(null, "us-east-1", endpoint.toString());
    }

    public static StaticCredentialsProvider credentials(String access, String secret) {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(access, secret));
    }

    /** Clients for this server with the right test key. */
    public S3Clients clients() {
        return clients(settings());
    }

    public S3Clients clients(S3Settings settings) {
        return new S3Clients(settings, k -> null, credentials(ACCESS_KEY, SECRET_KEY));
    }
}
