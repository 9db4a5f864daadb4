package encore.storage.s3;

import encore.task.CancelledException;
import encore.task.EncoreException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.nio.channels.UnresolvedAddressException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Turns what the AWS SDK throws into an {@link EncoreException} that says what happened, where
 * (bucket, prefix or key, endpoint, profile) and what to do. Never includes a secret.
 */
public final class S3Errors {

    private S3Errors() {
    }

    /**
     * @param what    what was being done, e.g. "List s3://bucket/prefix/"
     * @param where   the location it concerned
     * @param clients the clients in use (for endpoint, region, profile), or null
     */
    public static RuntimeException map(Throwable error, String what, S3Location where, S3Clients clients) {
        Throwable e = unwrap(error);
        if (e instanceof EncoreException ee) {
            return ee;
        }
        if (e instanceof CancelledException ce) {
            return ce;
        }
        String profile = clients == null || clients.settings().profile() == null ? null : clients.settings().profile();
        String via = clients == null ? "" : " (" + clients.describe() + ")";
        if (e instanceof AwsServiceException ase) {
            String code = ase.awsErrorDetails() == null ? "" : nullToEmpty(ase.awsErrorDetails().errorCode());
            int status = ase.statusCode();
            switch (code) {
                case "InvalidAccessKeyId":
                    return new EncoreException(what + " failed: S3 does not know the access key" + via,
                        "check the credentials of " + credentialSource(profile)
                            + " (aws configure list shows which are used)", e);
                case "SignatureDoesNotMatch":
                    return new EncoreException(what + " failed: the secret key does not match the access key" + via,
                        "check the secret key of " + credentialSource(profile), e);
                case "ExpiredToken", "TokenRefreshRequired", "InvalidToken":
                    return new EncoreException(what + " failed: the AWS session has expired" + via,
                        "log in again (aws sso login" + (profile == null ? "" : " --profile " + profile)
                            + ") or renew the session token", e);
                case "NoSuchBucket":
                    return new EncoreException(what + " failed: there is no bucket named '" + where.bucket() + "'" + via,
                        "check the bucket name in " + where + (clients != null && clients.endpoint() != null
                            ? " and the endpoint setting" : " and the account of the credentials"), e);
                case "PermanentRedirect", "AuthorizationHeaderMalformed", "IllegalLocationConstraintException":
                    return wrongRegion(what, where, clients, ase);
                case "SlowDown", "Throttling", "ThrottlingException", "RequestLimitExceeded", "TooManyRequestsException":
                    return new EncoreException(what + " failed: S3 kept throttling the requests after several retries" + via,
                        "run again later, or lower the number of requests in flight", e);
                case "AccessDenied", "AllAccessDisabled", "AccessDeniedException":
                    return new EncoreException(what + " failed: access denied to " + where + via,
                        "the credentials of " + credentialSource(profile) + " need s3:ListBucket on bucket '"
                            + where.bucket() + "' and s3:GetObject (s3:PutObject, s3:DeleteObject to publish) on "
                            + where.prefix() + "*", e);
                default:
                    break;
            }
            if (status == 301 || ase.awsErrorDetails() != null && ase.awsErrorDetails().sdkHttpResponse() != null
                && ase.awsErrorDetails().sdkHttpResponse().firstMatchingHeader("x-amz-bucket-region").isPresent()
                && status != 200 && status != 403 && status != 404) {
                return wrongRegion(what, where, clients, ase);
            }
            if (status == 403) {
                return new EncoreException(what + " failed: access denied to " + where + via,
                    "check the credentials of " + credentialSource(profile) + " and their permissions on bucket '"
                        + where.bucket() + "'", e);
            }
            if (status == 404) {
                return new EncoreException(what + " failed: not found: " + where + via,
                    "check the bucket and prefix", e);
            }
            if (status == 503 || status == 429) {
                return new EncoreException(what + " failed: S3 kept throttling the requests after several retries" + via,
                    "run again later, or lower the number of requests in flight", e);
            }
            return new EncoreException(what + " failed: " + code + " (HTTP " + status + "): " + firstLine(ase.getMessage()) + via,
                "see the log for details", e);
        }
        if (e instanceof SdkClientException sce) {
            String msg = nullToEmpty(sce.getMessage());
            if (msg.contains("Unable to load credentials") || msg.contains("credentials from any of the providers")) {
                return new EncoreException(what + " failed: no AWS credentials found" + via,
                    profile != null ? "check profile '" + profile + "' in ~/.aws/config and ~/.aws/credentials (aws sso login --profile "
                        + profile + " for SSO)"
                        : "set AWS_PROFILE or choose a profile, run aws configure (or aws sso login), or set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY", e);
            }
            if (hasCause(sce, ConnectException.class) || hasCause(sce, UnknownHostException.class)
                || hasCause(sce, UnresolvedAddressException.class) || msg.contains("Connection refused")
                || msg.contains("Unable to execute HTTP request")) {
                return new EncoreException(what + " failed: cannot reach the S3 endpoint "
                    + (clients == null || clients.endpoint() == null ? "of AWS" : clients.endpoint().toString())
                    + " (" + firstLine(rootMessage(sce)) + ")",
                    clients != null && clients.endpoint() != null
                        ? "check the endpoint setting (--endpoint-url, AWS_ENDPOINT_URL_S3, AWS_ENDPOINT_URL) and that the store is running"
                        : "check the network connection and the region", e);
            }
            return new EncoreException(what + " failed: " + firstLine(msg) + via, "see the log for details", e);
        }
        if (e instanceof java.io.UncheckedIOException u) {
            e = u.getCause();
        }
        if (e instanceof java.nio.file.NoSuchFileException nsf) {
            return new EncoreException(what + " failed: the local file " + nsf.getFile() + " is gone",
                "make sure nothing else changes the folder while it is transferred", e);
        }
        if (e instanceof java.io.IOException io) {
            return new EncoreException(what + " failed: " + io.getClass().getSimpleName() + ": " + firstLine(io.getMessage()),
                "check the local folder's permissions and free space", e);
        }
        if (e instanceof SdkException se) {
            return new EncoreException(what + " failed: " + firstLine(se.getMessage()) + via, "see the log for details", e);
        }
        if (e instanceof RuntimeException re) {
            return re;
        }
        return new EncoreException(what + " failed: " + firstLine(String.valueOf(e.getMessage())), "see the log for details", e);
    }

    private static EncoreException wrongRegion(String what, S3Location where, S3Clients clients, AwsServiceException e) {
        String actual = e.awsErrorDetails() == null || e.awsErrorDetails().sdkHttpResponse() == null ? null
            : e.awsErrorDetails().sdkHttpResponse().firstMatchingHeader("x-amz-bucket-region").orElse(null);
        String configured = clients == null ? "?" : clients.region().id();
        return new EncoreException(what + " failed: bucket '" + where.bucket() + "' is "
            + (actual == null ? "not in region " + configured : "in region " + actual + ", not " + configured),
            "set the region to " + (actual == null ? "the bucket's region" : actual) + " (--region, AWS_REGION or the profile's region)", e);
    }

    private static String credentialSource(String profile) {
        return profile == null ? "the default AWS credentials (AWS_PROFILE, AWS_ACCESS_KEY_ID, ~/.aws/credentials)"
            : "profile '" + profile + "'";
    }

    static Throwable unwrap(Throwable t) {
        Throwable e = t;
        while ((e instanceof CompletionException || e instanceof ExecutionException) && e.getCause() != null) {
            e = e.getCause();
        }
        return e;
    }

    private static boolean hasCause(Throwable t, Class<? extends Throwable> type) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (type.isInstance(c)) {
                return true;
            }
            if (c instanceof TimeoutException) {
                return false;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable t) {
        Throwable c = t;
        while (c.getCause() != null && c.getCause() != c) {
            c = c.getCause();
        }
        return c.getMessage() == null ? c.getClass().getSimpleName() : c.getMessage();
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
