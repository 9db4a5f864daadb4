package encore.storage.s3;

import encore.task.Cancellation;
import java.util.function.Consumer;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Lists the objects under a prefix page by page (1,000 keys a request), handing each to the
 * consumer as its page arrives: a million keys never sit in one list, and work on the first page
 * starts before the second is asked for. Keys come in S3's order (UTF-8 binary).
 */
public final class S3Listing {

    private final S3Clients clients;

    public S3Listing(S3Clients clients) {
        this.clients = clients;
    }

    /** Calls {@code each} for every object below {@code location}; returns how many there were. */
    public long forEach(S3Location location, Cancellation cancel, Consumer<S3Object> each) {
        ListObjectsV2Request request = ListObjectsV2Request.builder()
            .bucket(location.bucket()).prefix(location.prefix()).build();
        long n = 0;
        try {
            for (ListObjectsV2Response page : clients.sync().listObjectsV2Paginator(request)) {
                cancel.check();
                for (S3Object o : page.contents()) {
                    each.accept(o);
                    n++;
                }
            }
        } catch (RuntimeException e) {
            throw S3Errors.map(e, "Listing " + location, location, clients);
        }
        return n;
    }

    /** An object's ETag without the quotes S3 puts around it. */
    public static String etag(String raw) {
        if (raw == null) {
            return "";
        }
        String s = raw.strip();
        if (s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")) {
            s = s.substring(1, s.length() - 1);
        }
        return s;
    }
}
