package encore.storage.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import encore.task.EncoreException;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Where the client settings come from: settings first, then the standard AWS variables. */
class S3ClientsTest {

    @Test
    void the_endpoint_setting_wins_then_aws_endpoint_url_s3_then_aws_endpoint_url() {
        Map<String, String> both = Map.of("AWS_ENDPOINT_URL_S3", "http://s3-only:9000", "AWS_ENDPOINT_URL", "http://all:9000");
        assertThat(S3Clients.endpoint(new S3Settings(null, null, "http://given:1"), both::get)).isEqualTo(URI.create("http://given:1"));
        assertThat(S3Clients.endpoint(S3Settings.defaults(), both::get)).isEqualTo(URI.create("http://s3-only:9000"));
        assertThat(S3Clients.endpoint(S3Settings.defaults(), Map.of("AWS_ENDPOINT_URL", "http://all:9000")::get))
            .isEqualTo(URI.create("http://all:9000"));
        assertThat(S3Clients.endpoint(S3Settings.defaults(), k -> null)).isNull();
    }

    @Test
    void a_bad_endpoint_names_where_it_came_from() {
        assertThatThrownBy(() -> S3Clients.endpoint(S3Settings.defaults(), Map.of("AWS_ENDPOINT_URL_S3", "localhost:9000")::get))
            .isInstanceOf(EncoreException.class).hasMessageContaining("AWS_ENDPOINT_URL_S3").hasMessageContaining("localhost:9000");
    }

    @Test
    void an_endpoint_override_uses_path_style_and_a_fallback_region_unless_told_otherwise() {
        try (S3Clients c = new S3Clients(new S3Settings(null, null, "http://127.0.0.1:1"), k -> null,
            S3TestServer.credentials("a", "b"))) {
            assertThat(c.endpoint()).isEqualTo(URI.create("http://127.0.0.1:1"));
            assertThat(c.describe()).contains("http://127.0.0.1:1").doesNotContain("b\"");
            assertThat(c.region().id()).isNotBlank();
        }
    }

    @Test
    void locations_parse_to_bucket_and_folder_prefix() {
        assertThat(S3Location.parse("s3://my-bucket")).isEqualTo(new S3Location("my-bucket", ""));
        assertThat(S3Location.parse("S3://my-bucket/a/b")).isEqualTo(new S3Location("my-bucket", "a/b/"));
        assertThat(S3Location.parse("s3://my-bucket//a//b/").prefix()).isEqualTo("a/b/");
        assertThat(S3Location.parse("s3://my-bucket/a").toString()).isEqualTo("s3://my-bucket/a/");
        assertThatThrownBy(() -> S3Location.parse("s3://My_Bucket/x")).isInstanceOf(EncoreException.class)
            .hasMessageContaining("My_Bucket");
        assertThat(S3FetchCache.safeRelative("a/b.json")).isTrue();
        assertThat(S3FetchCache.safeRelative("a/../b.json")).isFalse();
        assertThat(S3FetchCache.safeRelative("a//b.json")).isFalse();
    }
}
