package encore.storage.s3;

/**
 * How to reach S3, beyond what the standard AWS settings say: a named profile, a region and an
 * endpoint for S3-compatible stores. Every field may be null ("as the AWS settings say"). It holds
 * no secrets: credentials always come from the AWS provider chain (environment, shared
 * config/credentials files, SSO, container or instance roles).
 *
 * @param profile   a profile of the shared config/credentials files, or null for {@code AWS_PROFILE}/default
 * @param region    e.g. {@code eu-west-1}, or null for {@code AWS_REGION}/the profile's region
 * @param endpoint  e.g. {@code http://127.0.0.1:9000}, or null for {@code AWS_ENDPOINT_URL_S3}/{@code AWS_ENDPOINT_URL}/AWS
 * @param pathStyle path-style requests; null = on with an endpoint override, off without
 * @param concurrency requests in flight at once for fetching and publishing; 0 = the default
 */
public record S3Settings(String profile, String region, String endpoint, Boolean pathStyle, int concurrency) {

    /** Requests in flight by default: small objects are latency-bound, so many at once pay off. */
    public static final int DEFAULT_CONCURRENCY = 64;

    public S3Settings {
        profile = blankToNull(profile);
        region = blankToNull(region);
        endpoint = blankToNull(endpoint);
        if (concurrency < 0) {
            throw new IllegalArgumentException("concurrency must be >= 0");
        }
    }

    public S3Settings(String profile, String region, String endpoint) {
        this(profile, region, endpoint, null, 0);
    }

    public static S3Settings defaults() {
        return new S3Settings(null, null, null);
    }

    public S3Settings withConcurrency(int n) {
        return new S3Settings(profile, region, endpoint, pathStyle, n);
    }

    public int effectiveConcurrency() {
        return concurrency > 0 ? concurrency : DEFAULT_CONCURRENCY;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
