package encore.source;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The tagged copies DuckDB stages: every event as it was, with its file and line first. */
class LogFileReaderTest {

    @TempDir
    Path tmp;

    private static final List<String> NAMES = List.of("artist", "auth", "firstName", "gender", "itemInSession",
        "lastName", "length", "level", "location", "method", "page", "registration", "sessionId", "song", "status",
        "ts", "userAgent", "userId");

    @Test
    void a_canonical_files_copy_holds_every_event_with_its_file_and_line() throws Exception {
        List<String> lines = List.of(
            // plain
            "{\"artist\":\"A\",\"auth\":\"Logged In\",\"firstName\":\"Zoë\",\"gender\":\"F\",\"itemInSession\":0,"
                + "\"lastName\":\"Ng\",\"length\":201.5,\"level\":\"free\",\"location\":\"X, Y\",\"method\":\"PUT\","
                + "\"page\":\"NextSong\",\"registration\":1540919166796,\"sessionId\":7,\"song\":\"S \\\"q\\\"\","
                + "\"status\":200,\"ts\":1541030440436,\"userAgent\":\"\\\"Mozilla\\\"\",\"userId\":\"12\"}",
            // fields in another order, and a null
            "{\"ts\":1541030440437,\"sessionId\":7,\"itemInSession\":1,\"page\":\"Home\",\"userId\":\"12\","
                + "\"artist\":null}",
            // escapes in page and userId, an exponent
            "{\"ts\":1541030440438,\"sessionId\":7,\"itemInSession\":2,\"page\":\"Next\\u0053ong\",\"userId\":\"1\\u0032\","
                + "\"song\":\"\\u00e9t\\u00e9\",\"length\":1e2}",
            // spaces around the punctuation, logged out
            "{  \"ts\" : 1541030440439 , \"sessionId\":8, \"itemInSession\":0, \"page\":\"Home\", \"userId\":\"\" }");
        Path file = tmp.resolve("2018-11-01-events.json");
        Files.writeString(file, String.join("\n", lines), StandardCharsets.UTF_8); // no final newline
        Path copy = tmp.resolve("copy.json");

        LogFileReader.Check check = new LogFileReader().checkAndTag(file, 3, copy);

        assertThat(check.canonical()).isTrue();
        assertThat(check.lines()).isEqualTo(4);
        assertThat(check.unknownFields()).isEmpty();
        ObjectMapper mapper = new ObjectMapper();
        List<String> copied = Files.readAllLines(copy, StandardCharsets.UTF_8);
        assertThat(copied).hasSize(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            JsonNode source = mapper.readTree(lines.get(i));
            JsonNode tagged = mapper.readTree(copied.get(i));
            assertThat(tagged.get(LogFileReader.FILE_FIELD).asInt()).isEqualTo(3);
            assertThat(tagged.get(LogFileReader.LINE_FIELD).asInt()).isEqualTo(i + 1);
            assertThat(tagged.size()).as("line %d: the tags and the line's own fields", i + 1).isEqualTo(2 + source.size());
            for (int f = 0; f < NAMES.size(); f++) {
                JsonNode want = source.get(NAMES.get(f));
                JsonNode got = tagged.get(NAMES.get(f));
                String what = "line " + (i + 1) + ", " + NAMES.get(f);
                if (want == null || want.isNull()) {
                    assertThat(got == null || got.isNull()).as(what).isTrue();
                } else if (want.isNumber()) {
                    assertThat(got.isNumber()).as(what).isTrue();
                    assertThat(got.asDouble()).as(what).isEqualTo(want.asDouble());
                } else {
                    assertThat(got.asText()).as(what).isEqualTo(want.asText());
                }
            }
        }
    }

    @Test
    void a_field_the_schema_lacks_makes_a_file_go_the_java_way() throws Exception {
        // DuckDB's reader would judge the unknown value by rules of its own (here a lone
        // surrogate it refuses, failing the whole file): such a file is parsed in Java instead
        Path file = tmp.resolve("2018-11-02-events.json");
        Files.writeString(file, "{\"ts\":1541030440437,\"sessionId\":7,\"itemInSession\":1,\"page\":\"Home\",\"userId\":\"12\","
            + "\"extra\":{\"a\":[1,\"\\ud800\"]}}\n", StandardCharsets.UTF_8);

        LogFileReader.Check check = new LogFileReader().check(file);

        assertThat(check.canonical()).isFalse();
        assertThat(check.badLines()).isZero();
        assertThat(check.unknownFields()).containsExactly("extra");
        assertThat(new LogFileReader().read(file).events()).hasSize(1);
    }
}
