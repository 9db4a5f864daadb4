package encore.storage.s3;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** For tests against the S3 test server: a fresh bucket and clients (with the right key) per test. */
public abstract class S3TestBase {

    protected S3TestServer server;
    protected S3Clients clients;
    protected String bucket;

    @BeforeEach
    void startS3() {
        server = S3TestServer.get();
        clients = server.clients();
        bucket = server.newBucket(getClass().getSimpleName().replace("Test", ""));
    }

    @AfterEach
    void closeS3() {
        clients.close();
    }
}
