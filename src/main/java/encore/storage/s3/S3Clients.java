package encore.storage.s3;

import encore.task.EncoreException;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.AwsProfileRegionProvider;
import software.amazon.awssdk.regions.providers.AwsRegionProviderChain;
import software.amazon.awssdk.regions.providers.InstanceProfileRegionProvider;
import software.amazon.awssdk.regions.providers.SystemSettingsRegionProvider;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.utils.SdkAutoCloseable;

/**
 * Builds the S3 clients the way AWS users expect: credentials from the default provider chain
 * (environment, shared config/credentials files, SSO, container and instance roles) or from a
 * named profile; the region from the settings, {@code AWS_REGION} or the profile; the endpoint
 * from the settings, {@code AWS_ENDPOINT_URL_S3} or {@code AWS_ENDPOINT_URL}. With an endpoint
 * override (an S3-compatible store) requests are path-style unless the settings say otherwise,
 * and checksums are sent only where S3 requires them (many compatible stores reject the newer
 * ones). Throttling and transient errors are retried with backoff by the SDK.
 *
 * <p>One instance holds a synchronous client (listing, small requests) and an asynchronous one
 * with multipart enabled (concurrent fetches, the transfer manager); close it when done.
 */
public final class S3Clients implements AutoCloseable {

    /** Used when an endpoint override is set and nothing names a region (compatible stores ignore it). */
    static final Region FALLBACK_REGION = Region.US_EAST_1;
    private static final int MAX_ATTEMPTS = 6;

    private final S3Settings settings;
    private final Region region;
    private final URI endpoint;
    private final boolean pathStyle;
    private final AwsCredentialsProvider credentials;
    private final S3Client sync;
    private final S3AsyncClient async;
    private final S3AsyncClient downloads;

    /** Clients from the settings and the process's environment and AWS files. */
    public S3Clients(S3Settings settings) {
        this(settings, System::getenv, null);
    }

    /**
     * @param env         where {@code AWS_ENDPOINT_URL_S3}/{@code AWS_ENDPOINT_URL} are looked up
     * @param credentials credentials to use instead of the provider chain, or null
     */
    public S3Clients(S3Settings settings, Function<String, String> env, AwsCredentialsProvider credentials) {
        this.settings = settings;
        this.endpoint = endpoint(settings, env);
        this.pathStyle = settings.pathStyle() != null ? settings.pathStyle() : endpoint != null;
        if (settings.profile() != null && credentials == null) {
            requireProfile(settings.profile());
        }
        this.region = region(settings, endpoint != null);
        this.credentials = credentials != null ? credentials
            : settings.profile() != null ? ProfileCredentialsProvider.builder().profileName(settings.profile()).build()
            : DefaultCredentialsProvider.builder().build();
        int concurrency = settings.effectiveConcurrency();
        ClientOverrideConfiguration override = ClientOverrideConfiguration.builder()
            .retryStrategy(retries())
            .build();
        var syncBuilder = S3Client.builder()
            .region(region)
            .credentialsProvider(this.credentials)
            .forcePathStyle(pathStyle)
            .overrideConfiguration(override)
            .httpClientBuilder(ApacheHttpClient.builder().maxConnections(Math.max(8, concurrency))
                .connectionTimeout(Duration.ofSeconds(5)));
        var asyncBuilder = S3AsyncClient.builder()
            .region(region)
            .credentialsProvider(this.credentials)
            .forcePathStyle(pathStyle)
            .overrideConfiguration(override)
            .multipartEnabled(true)
            .httpClientBuilder(NettyNioAsyncHttpClient.builder().maxConcurrency(concurrency)
                .maxPendingConnectionAcquires(Math.max(10_000, concurrency * 4))
                .connectionTimeout(Duration.ofSeconds(5)));
        if (endpoint != null) {
            syncBuilder.endpointOverride(endpoint)
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
            asyncBuilder.endpointOverride(endpoint)
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
        }
        this.sync = syncBuilder.build();
        try {
            this.async = asyncBuilder.build();
        } catch (RuntimeException e) {
            sync.close();
            throw e;
        }
        try {
            // plain GETs for the fetch cache: the multipart client turns every GET into part
            // requests, which is no gain for small objects and was seen to lose the completion
            this.downloads = asyncBuilder.multipartEnabled(false).build();
        } catch (RuntimeException e) {
            async.close();
            sync.close();
            throw e;
        }
    }

    private static RetryStrategy retries() {
        return AwsRetryStrategy.standardRetryStrategy().toBuilder().maxAttempts(MAX_ATTEMPTS).build();
    }

    static URI endpoint(S3Settings settings, Function<String, String> env) {
        String text = settings.endpoint();
        String from = "the endpoint setting";
        if (text == null) {
            text = blankToNull(env.apply("AWS_ENDPOINT_URL_S3"));
            from = "AWS_ENDPOINT_URL_S3";
        }
        if (text == null) {
            text = blankToNull(env.apply("AWS_ENDPOINT_URL"));
            from = "AWS_ENDPOINT_URL";
        }
        if (text == null) {
            return null;
        }
        try {
            URI uri = URI.create(text);
            if (uri.getScheme() == null || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))
                || uri.getHost() == null) {
                throw new IllegalArgumentException("not an http(s) URL");
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw new EncoreException("Not a valid S3 endpoint URL in " + from + ": '" + text + "'",
                "write it as http(s)://host[:port], e.g. http://127.0.0.1:9000");
        }
    }

    private static Region region(S3Settings settings, boolean endpointOverride) {
        if (settings.region() != null) {
            return Region.of(settings.region());
        }
        AwsRegionProviderChain chain = endpointOverride
            ? new AwsRegionProviderChain(new SystemSettingsRegionProvider(),
                new AwsProfileRegionProvider(null, settings.profile()))
            : new AwsRegionProviderChain(new SystemSettingsRegionProvider(),
                new AwsProfileRegionProvider(null, settings.profile()), new InstanceProfileRegionProvider());
        try {
            return chain.getRegion();
        } catch (RuntimeException e) {
            if (endpointOverride) {
                return FALLBACK_REGION;
            }
            throw new EncoreException("No AWS region is configured",
                "set AWS_REGION, a region in the profile (" + (settings.profile() == null ? "default" : settings.profile())
                    + ") of ~/.aws/config, or the region setting (--region)", e);
        }
    }

    /** The profiles of the shared config and credentials files, sorted (for a picker). */
    public static Set<String> profiles() {
        try {
            return new TreeSet<>(ProfileFile.defaultProfileFile().profiles().keySet());
        } catch (RuntimeException e) {
            return new TreeSet<>();
        }
    }

    private static void requireProfile(String profile) {
        Map<String, ?> known;
        try {
            known = ProfileFile.defaultProfileFile().profiles();
        } catch (RuntimeException e) {
            throw new EncoreException("Cannot read the AWS config/credentials files: " + e.getMessage(),
                "fix ~/.aws/config and ~/.aws/credentials (or AWS_CONFIG_FILE / AWS_SHARED_CREDENTIALS_FILE)", e);
        }
        if (!known.containsKey(profile)) {
            throw new EncoreException("No AWS profile named '" + profile + "' in ~/.aws/config or ~/.aws/credentials",
                "choose one of " + new TreeSet<>(known.keySet()) + ", or add it (aws configure --profile " + profile + ")");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    public S3Client sync() {
        return sync;
    }

    public S3AsyncClient async() {
        return async;
    }

    /** The async client for single (not multipart) GETs. */
    public S3AsyncClient downloads() {
        return downloads;
    }

    public S3Settings settings() {
        return settings;
    }

    public Region region() {
        return region;
    }

    /** The endpoint override in use, or null for AWS itself. */
    public URI endpoint() {
        return endpoint;
    }

    /** Where requests go and as whom, for messages (never a secret). */
    public String describe() {
        return (endpoint == null ? "AWS" : endpoint.toString()) + ", region " + region
            + (settings.profile() == null ? "" : ", profile " + settings.profile());
    }

    @Override
    public void close() {
        downloads.close();
        async.close();
        sync.close();
        if (credentials instanceof SdkAutoCloseable c) {
            c.close();
        }
    }
}
