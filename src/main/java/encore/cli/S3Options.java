package encore.cli;

import encore.config.AppDirs;
import encore.storage.s3.S3Settings;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * How to reach S3 for {@code s3://} locations. Without these options the standard AWS settings
 * apply unchanged: AWS_PROFILE, AWS_REGION, AWS_ENDPOINT_URL_S3 / AWS_ENDPOINT_URL, AWS_ACCESS_KEY_ID
 * and the rest, ~/.aws/config and ~/.aws/credentials, SSO, container and instance roles.
 */
final class S3Options {

    @Option(names = "--profile", paramLabel = "NAME", description = "AWS profile of ~/.aws/config or ~/.aws/credentials (default: AWS_PROFILE or 'default')")
    String profile;

    @Option(names = "--region", paramLabel = "REGION", description = "AWS region (default: AWS_REGION or the profile's region)")
    String region;

    @Option(names = "--endpoint-url", paramLabel = "URL", description = "endpoint of an S3-compatible store (default: AWS_ENDPOINT_URL_S3 or AWS_ENDPOINT_URL)")
    String endpoint;

    @Option(names = "--path-style", negatable = true, description = "path-style S3 requests (default: on with an endpoint override, off for AWS)")
    Boolean pathStyle;

    @Option(names = "--s3-concurrency", paramLabel = "N", defaultValue = "0", description = "S3 requests in flight at once (default: " + S3Settings.DEFAULT_CONCURRENCY + ")")
    int concurrency;

    @Option(names = "--cache", paramLabel = "DIR", description = "where objects fetched from S3 are kept between runs (default: the user's cache folder)")
    Path cache;

    S3Settings settings() {
        return new S3Settings(profile, region, endpoint, pathStyle, Math.max(0, concurrency));
    }

    Path cacheFolder() {
        return cache != null ? cache : AppDirs.s3Cache();
    }
}
