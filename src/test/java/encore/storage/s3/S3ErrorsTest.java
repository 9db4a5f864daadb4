package encore.storage.s3;

import static org.assertj.core.api.Assertions.assertThat;

import encore.task.EncoreException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * The answers S3 itself gives that the test server cannot produce (another region, throttling
 * after the retries, a policy that denies), as the SDK reports them.
 */
class S3ErrorsTest {

    static final S3Location WHERE = S3Location.parse("s3://sparkify-data/raw");

    static S3Exception error(int status, String code, Map<String, String> headers) {
        SdkHttpResponse.Builder http = SdkHttpResponse.builder().statusCode(status);
        headers.forEach((k, v) -> http.putHeader(k, List.of(v)));
        return (S3Exception) S3Exception.builder().statusCode(status).message(code)
            .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage(code).sdkHttpResponse(http.build()).build())
            .build();
    }

    static EncoreException map(S3Exception e) {
        return (EncoreException) S3Errors.map(e, "Listing " + WHERE, WHERE, null);
    }

    @Test
    void a_bucket_in_another_region_names_the_region_to_use() {
        EncoreException e = map(error(301, "PermanentRedirect", Map.of("x-amz-bucket-region", "eu-west-1")));
        assertThat(e.getMessage()).contains("bucket 'sparkify-data' is in region eu-west-1");
        assertThat(e.hint()).contains("eu-west-1").contains("--region").contains("AWS_REGION");
    }

    @Test
    void throttling_after_the_retries_says_to_try_later() {
        EncoreException e = map(error(503, "SlowDown", Map.of()));
        assertThat(e.getMessage()).contains("throttling");
        assertThat(e.hint()).contains("later");
    }

    @Test
    void access_denied_names_the_bucket_prefix_and_permissions() {
        EncoreException e = map(error(403, "AccessDenied", Map.of()));
        assertThat(e.getMessage()).contains("access denied to s3://sparkify-data/raw/");
        assertThat(e.hint()).contains("s3:ListBucket").contains("s3:GetObject").contains("raw/*");
    }
}
