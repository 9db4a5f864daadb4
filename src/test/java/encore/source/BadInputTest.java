package encore.source;

import static org.assertj.core.api.Assertions.assertThat;

import encore.pipeline.Etl;
import encore.pipeline.EtlSummary;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bad-input corpus: every case from the staging rules, loaded through the real ETL into a
 * real DuckDB file. Good records load, each bad one lands in rejected_records with its file,
 * line, reason and raw text, and nothing aborts the load.
 */
class BadInputTest {

    static final String GOOD_EVENT = "{\"artist\":\"A\",\"auth\":\"Logged In\",\"firstName\":\"Ann\",\"gender\":\"F\","
        + "\"itemInSession\":%d,\"lastName\":\"Lee\",\"length\":200.5,\"level\":\"free\",\"location\":\"X\","
        + "\"method\":\"PUT\",\"page\":\"NextSong\",\"registration\":1540919166796.0,\"sessionId\":7,\"song\":\"S\","
        + "\"status\":200,\"ts\":%d,\"userAgent\":\"UA\",\"userId\":\"%s\"}";
    static final String SONG = "{\"num_songs\":1,\"artist_id\":\"%s\",\"artist_latitude\":null,\"artist_longitude\":null,"
        + "\"artist_location\":\"\",\"artist_name\":\"Name %s\",\"song_id\":\"%s\",\"title\":\"T %s\",\"duration\":100.5,\"year\":0}";

    @TempDir
    Path root;
    Path logs;
    Path songs;

    static String event(int item, long ts, String user) {
        return String.format(GOOD_EVENT, item, ts, user);
    }

    static String song(String id) {
        return String.format(SONG, "AR" + id, id, "SO" + id, id);
    }

    @BeforeEach
    void layout() throws IOException {
        logs = Files.createDirectories(root.resolve("log_data/2018/11"));
        songs = Files.createDirectories(root.resolve("song_data/A/B/C"));
        write(songs.resolve("TRGOOD.json"), song("1"));
    }

    static void write(Path p, String text) throws IOException {
        Files.writeString(p, text, StandardCharsets.UTF_8);
    }

    static void write(Path p, byte[] bytes) throws IOException {
        Files.write(p, bytes);
    }

    private EtlSummary load() {
        return Etl.load(root, root.resolve("w.duckdb"));
    }

    private List<List<String>> rejected() {
        return Etl.rows(root.resolve("w.duckdb"),
            "SELECT source_kind, regexp_extract(source_file, '[^/]+$'), line_number, reason, raw_text FROM rejected_records ORDER BY 2, 3");
    }

    @Test
    void a_malformed_line_is_rejected_and_the_lines_around_it_load() throws IOException {
        write(logs.resolve("2018-11-01-events.json"),
            event(0, 1541000000000L, "1") + "\n{\"artist\": \"x\" \"y\"}\n" + event(1, 1541000001000L, "1") + "\n");

        EtlSummary s = load();

        assertThat(s.stagedEvents()).isEqualTo(2);
        assertThat(s.rejectedEvents()).isEqualTo(1);
        assertThat(rejected()).singleElement().satisfies(r -> {
            assertThat(r.subList(0, 3)).containsExactly("event", "2018-11-01-events.json", "2");
            assertThat(r.get(3)).startsWith("malformed JSON");
            assertThat(r.get(4)).isEqualTo("{\"artist\": \"x\" \"y\"}");
        });
        assertThat(Etl.rows(root.resolve("w.duckdb"), "SELECT source_line FROM staging_events ORDER BY 1"))
            .containsExactly(List.of("1"), List.of("3"));
    }

    @Test
    void a_wrong_type_is_rejected_with_the_field_named() throws IOException {
        String wrong = event(0, 1541000000000L, "1").replace("\"ts\":1541000000000", "\"ts\":\"yesterday\"");
        String wrongSession = event(1, 1541000001000L, "1").replace("\"sessionId\":7", "\"sessionId\":7.5");
        String object = event(2, 1541000002000L, "1").replace("\"song\":\"S\"", "\"song\":{\"name\":\"S\"}");
        write(logs.resolve("2018-11-01-events.json"), wrong + "\n" + wrongSession + "\n" + object + "\n" + event(3, 1541000003000L, "1"));

        EtlSummary s = load();

        assertThat(s.stagedEvents()).isEqualTo(1);
        assertThat(rejected()).extracting(r -> r.get(3)).containsExactly(
            "field ts: expected an integer, got \"yesterday\"",
            "field sessionId: expected an integer, got 7.5",
            "field song: expected text, got an object");
    }

    @Test
    void impossible_numbers_are_rejected_not_loaded() throws IOException {
        String farFuture = event(0, 1541000000000L, "1").replace("\"ts\":1541000000000", "\"ts\":99999999999999999");
        String beforeEpoch = event(1, 1541000001000L, "1").replace("\"ts\":1541000001000", "\"ts\":-5");
        String infinite = event(2, 1541000002000L, "1").replace("\"length\":200.5", "\"length\":1e400");
        write(logs.resolve("2018-11-01-events.json"), farFuture + "\n" + beforeEpoch + "\n" + infinite + "\n" + event(3, 1541000003000L, "1"));

        EtlSummary s = load();

        assertThat(s.stagedEvents()).isEqualTo(1);
        assertThat(s.newSongplays()).isEqualTo(1);
        assertThat(rejected()).extracting(r -> r.get(2) + " " + r.get(3)).containsExactly(
            "1 field ts: number out of range: 99999999999999999",
            "2 field ts: number out of range: -5",
            "3 field length: number out of range: 1e400");
    }

    @Test
    void an_out_of_range_time_is_rejected_in_an_otherwise_plain_file() throws IOException {
        // a file of plain lines takes the fast validation path: it must apply the same range
        write(logs.resolve("2018-11-01-events.json"), event(0, 1541000000000L, "1") + "\n"
            + event(1, 1541000001000L, "1").replace("\"ts\":1541000001000", "\"ts\":-5"));

        EtlSummary s = load();

        assertThat(s.stagedEvents()).isEqualTo(1);
        assertThat(rejected()).extracting(r -> r.get(2) + " " + r.get(3)).containsExactly("2 field ts: number out of range: -5");
    }

    @Test
    void numbers_written_as_strings_are_converted() throws IOException {
        String quoted = event(0, 1541000000000L, "1").replace("\"ts\":1541000000000", "\"ts\":\"1541000000000\"")
            .replace("\"userId\":\"1\"", "\"userId\":1");
        write(logs.resolve("2018-11-01-events.json"), quoted);

        EtlSummary s = load();

        assertThat(s.rejected()).isZero();
        assertThat(Etl.rows(root.resolve("w.duckdb"), "SELECT ts, userId, registration FROM staging_events"))
            .containsExactly(List.of("1541000000000", "1", "1540919166796"));
    }

    @Test
    void a_missing_required_field_is_rejected() throws IOException {
        String noTs = event(0, 1541000000000L, "1").replace("\"ts\":1541000000000,", "");
        String noPage = event(1, 1541000001000L, "1").replace("\"page\":\"NextSong\",", "");
        String playWithoutUser = event(2, 1541000002000L, "");
        write(logs.resolve("2018-11-01-events.json"), noTs + "\n" + noPage + "\n" + playWithoutUser + "\n" + event(3, 1541000003000L, "1"));
        write(songs.resolve("TRNOID.json"), song("2").replace("\"song_id\":\"SO2\",", ""));

        EtlSummary s = load();

        assertThat(s.stagedEvents()).isEqualTo(1);
        assertThat(s.stagedSongs()).isEqualTo(1);
        assertThat(rejected()).extracting(r -> r.get(3)).containsExactly(
            "missing required field ts", "missing required field page", "NextSong event without a userId",
            "missing required field song_id");
    }

    @Test
    void empty_files_are_rejected_as_empty() throws IOException {
        write(logs.resolve("2018-11-01-events.json"), "");
        write(logs.resolve("2018-11-02-events.json"), event(0, 1541000000000L, "1"));
        write(songs.resolve("TREMPTY.json"), "  \n");

        EtlSummary s = load();

        assertThat(s.stagedEvents()).isEqualTo(1);
        assertThat(rejected()).extracting(r -> r.get(1) + ": " + r.get(3))
            .containsExactly("2018-11-01-events.json: empty file", "TREMPTY.json: empty file");
    }

    @Test
    void a_truncated_file_keeps_its_complete_lines() throws IOException {
        String full = event(1, 1541000001000L, "1");
        write(logs.resolve("2018-11-01-events.json"), event(0, 1541000000000L, "1") + "\n" + full.substring(0, full.length() / 2));
        write(songs.resolve("TRCUT.json"), song("3").substring(0, 40));

        EtlSummary s = load();

        assertThat(s.stagedEvents()).isEqualTo(1);
        assertThat(s.stagedSongs()).isEqualTo(1);
        assertThat(rejected()).extracting(r -> r.get(1) + ":" + r.get(2) + " " + r.get(3)).containsExactly(
            "2018-11-01-events.json:2 truncated JSON (unexpected end of input)",
            "TRCUT.json:1 truncated JSON (unexpected end of input)");
    }

    /** A 68 MiB line (longer than the JSON reader's usual object size) loads, with its neighbours and their lines. */
    @Test
    void a_huge_good_line_loads_with_the_lines_around_it() throws IOException {
        // four unknown fields of 17 MiB each: every string within the parser's limit, the line not
        String padding = "x".repeat(17 << 20);
        String huge = event(1, 1541000001000L, "1").replace("{\"artist\"",
            "{\"a1\":\"" + padding + "\",\"a2\":\"" + padding + "\",\"a3\":\"" + padding + "\",\"a4\":\""
                + padding + "\",\"artist\"");
        write(logs.resolve("2018-11-01-events.json"),
            event(0, 1541000000000L, "1") + "\n" + huge + "\n" + event(2, 1541000002000L, "1") + "\n");

        EtlSummary s = load();

        assertThat(s.rejected()).isZero();
        assertThat(s.stagedEvents()).isEqualTo(3);
        assertThat(Etl.rows(root.resolve("w.duckdb"),
            "SELECT source_line, itemInSession FROM staging_events ORDER BY source_line"))
            .containsExactly(List.of("1", "0"), List.of("2", "1"), List.of("3", "2"));
    }

    @Test
    void a_byte_order_mark_and_crlf_line_ends_are_tolerated() throws IOException {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] body = (event(0, 1541000000000L, "1") + "\r\n" + event(1, 1541000001000L, "1") + "\r\n").getBytes(StandardCharsets.UTF_8);
        write(logs.resolve("2018-11-01-events.json"), concat(bom, body));
        write(songs.resolve("TRBOM.json"), concat(bom, song("4").getBytes(StandardCharsets.UTF_8)));

        EtlSummary s = load();

        assertThat(s.rejected()).isZero();
        assertThat(s.stagedEvents()).isEqualTo(2);
        assertThat(s.stagedSongs()).isEqualTo(2);
    }

    @Test
    void invalid_utf8_rejects_only_its_line() throws IOException {
        byte[] bad = event(1, 1541000001000L, "1").replace("\"artist\":\"A\"", "\"artist\":\"A\u00FF\"").getBytes(StandardCharsets.ISO_8859_1);
        byte[] file = concat((event(0, 1541000000000L, "1") + "\n").getBytes(StandardCharsets.UTF_8), bad,
            ("\n" + event(2, 1541000002000L, "1")).getBytes(StandardCharsets.UTF_8));
        write(logs.resolve("2018-11-01-events.json"), file);

        EtlSummary s = load();

        assertThat(s.stagedEvents()).isEqualTo(2);
        assertThat(rejected()).singleElement().satisfies(r -> {
            assertThat(r.get(2)).isEqualTo("2");
            assertThat(r.get(3)).isEqualTo("invalid UTF-8");
            assertThat(r.get(4)).contains("\"artist\":\"A\uFFFD\"");
        });
    }

    @Test
    void a_lone_surrogate_escape_rejects_only_its_record() throws IOException {
        // "\\ud800" alone has no UTF-8 form: DuckDB's reader would refuse the whole file over it
        String lone = event(1, 1541000001000L, "1").replace("\"song\":\"S\"", "\"song\":\"S\\ud800\"");
        String loneUser = event(2, 1541000002000L, "1").replace("\"userId\":\"1\"", "\"userId\":\"\\udc01\"");
        String pair = event(3, 1541000003000L, "1").replace("\"song\":\"S\"", "\"song\":\"S \\ud83c\\udfb5\"");
        write(logs.resolve("2018-11-01-events.json"), String.join("\n", event(0, 1541000000000L, "1"), lone, loneUser, pair));
        write(songs.resolve("TRLONE.json"), song("2").replace("\"title\":\"T 2\"", "\"title\":\"T \\udfff 2\""));

        EtlSummary s = load();

        assertThat(s.stagedEvents()).isEqualTo(2);
        assertThat(s.stagedSongs()).isEqualTo(1);
        assertThat(rejected()).extracting(r -> r.get(0) + " " + r.get(1) + " " + r.get(2) + " " + r.get(3)).containsExactly(
            "event 2018-11-01-events.json 2 field song: text with a lone UTF-16 surrogate (a \\uD800-\\uDFFF escape without its pair)",
            "event 2018-11-01-events.json 3 field userId: text with a lone UTF-16 surrogate (a \\uD800-\\uDFFF escape without its pair)",
            "song TRLONE.json 1 field title: text with a lone UTF-16 surrogate (a \\uD800-\\uDFFF escape without its pair)");
        // a whole pair is one character, and loads
        assertThat(Etl.rows(root.resolve("w.duckdb"), "SELECT song FROM staging_events WHERE source_line = 4"))
            .containsExactly(List.of("S \uD83C\uDFB5"));
    }

    @Test
    void lines_that_duckdbs_reader_would_refuse_or_round_go_the_java_way() throws IOException {
        // each line here once made the file "canonical", and DuckDB's reader then refused the
        // whole file (the load failed) or read a value differently from the Java parser
        String unknownLone = event(0, 1541000000000L, "1").replace("}", ",\"extra\":{\"y\":\"\\ud800\"}}");
        String repeated = event(1, 1541000001000L, "1").replace("}", ",\"artist\":\"SECOND\"}");
        byte[] overlong = event(2, 1541000002000L, "1").replace("\"artist\":\"A\"", "\"artist\":\"A\u00C0\u0080\"")
            .getBytes(StandardCharsets.ISO_8859_1);
        String beyondDouble = event(3, 1541000003000L, "1").replace("1540919166796.0", "1540919166796.49999999999");
        write(logs.resolve("2018-11-01-events.json"), concat((unknownLone + "\n" + repeated + "\n").getBytes(StandardCharsets.UTF_8),
            overlong, ("\n" + beyondDouble + "\n").getBytes(StandardCharsets.UTF_8)));
        // a file of plain lines but one whose registration a DOUBLE cannot hold exactly
        write(logs.resolve("2018-11-02-events.json"), event(0, 1541100000000L, "2") + "\n"
            + event(1, 1541100001000L, "2").replace("1540919166796.0", "12345678901234567"));

        EtlSummary s = load();

        assertThat(s.stagedEvents()).isEqualTo(5);
        assertThat(rejected()).extracting(r -> r.get(1) + " " + r.get(2) + " " + r.get(3))
            .containsExactly("2018-11-01-events.json 3 invalid UTF-8");
        assertThat(Etl.rows(root.resolve("w.duckdb"),
            "SELECT regexp_extract(source_file, '[^/]+$'), source_line, artist, registration FROM staging_events ORDER BY 1, 2"))
            .containsExactly(
                List.of("2018-11-01-events.json", "1", "A", "1540919166796"),
                List.of("2018-11-01-events.json", "2", "SECOND", "1540919166796"),
                List.of("2018-11-01-events.json", "4", "A", "1540919166796"),
                List.of("2018-11-02-events.json", "1", "A", "1540919166796"),
                List.of("2018-11-02-events.json", "2", "A", "12345678901234567"));
    }

    @Test
    void song_files_may_hold_several_objects_or_be_pretty_printed() throws IOException {
        write(songs.resolve("TRMANY.json"), song("5") + "\n" + song("6") + song("7"));
        write(songs.resolve("TRARRAY.json"), "[" + song("8") + ",\n" + song("9") + "]");
        write(songs.resolve("TRPRETTY.json"), song("10").replace(",", ",\n    ").replace("{", "{\n    ").replace("}", "\n}\n"));
        write(logs.resolve("2018-11-01-events.json"), event(0, 1541000000000L, "1"));

        EtlSummary s = load();

        assertThat(s.rejected()).isZero();
        assertThat(s.stagedSongs()).isEqualTo(7);
        assertThat(Etl.rows(root.resolve("w.duckdb"), "SELECT song_id, source_line FROM staging_songs WHERE source_file LIKE '%TRMANY.json' ORDER BY 1"))
            .containsExactly(List.of("SO5", "1"), List.of("SO6", "2"), List.of("SO7", "2"));
    }

    @Test
    void a_log_file_without_a_final_newline_and_with_blank_lines_keeps_true_line_numbers() throws IOException {
        write(logs.resolve("2018-11-01-events.json"), event(0, 1541000000000L, "1") + "\n\n" + event(1, 1541000001000L, "1"));

        EtlSummary s = load();

        assertThat(s.rejected()).isZero();
        assertThat(Etl.rows(root.resolve("w.duckdb"), "SELECT source_line FROM staging_events ORDER BY 1"))
            .containsExactly(List.of("1"), List.of("3"));
    }

    @Test
    void a_bad_record_does_not_lose_earlier_data() throws IOException {
        write(logs.resolve("2018-11-01-events.json"), event(0, 1541000000000L, "1"));
        assertThat(load().newSongplays()).isEqualTo(1);
        write(logs.resolve("2018-11-02-events.json"), "not json at all\n" + event(0, 1541100000000L, "1"));

        EtlSummary second = load();

        assertThat(second.newSongplays()).isEqualTo(1);
        assertThat(second.tables()).containsEntry("songplays", 2L);
        assertThat(second.rejectedEvents()).isEqualTo(1);
    }

    private static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] out = new byte[n];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }
}
