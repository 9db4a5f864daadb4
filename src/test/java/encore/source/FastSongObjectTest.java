package encore.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A song file the quick check passes is staged from its own bytes: it must be one the parser finds
 * good (one song, nothing rejected), and DuckDB's staging read must find in its bytes exactly the
 * row it finds in the line written for the parsed record. Tried on the bundled sample's song
 * files, on files written the way the public dataset writes them, and on many random damages.
 */
class FastSongObjectTest {

    @TempDir
    Path tmp;

    @Test
    void the_samples_song_files_are_staged_from_their_own_bytes_as_their_records_would_be() throws Exception {
        List<byte[]> files = corpus();
        Compared compared = compare(files);
        // the generator and the public dataset write plain files: the quick check takes nearly all
        assertThat(compared.plain).isGreaterThan(files.size() * 9 / 10);
        assertThat(compared.differences).isEmpty();
    }

    @Test
    void a_damaged_file_passes_only_if_the_parser_finds_one_good_song_staged_the_same() throws Exception {
        List<byte[]> files = corpus();
        Random random = new Random(11);
        List<byte[]> damaged = new ArrayList<>();
        for (int round = 0; round < 60_000; round++) {
            byte[] file = files.get(random.nextInt(files.size()));
            int damages = 1 + random.nextInt(3);
            for (int d = 0; d < damages; d++) {
                file = Damage.apply(file, files, random);
            }
            damaged.add(file);
        }
        Compared compared = compare(damaged);
        // both outcomes occur, so the comparison was really made
        assertThat(compared.plain).isGreaterThan(1000);
        assertThat(damaged.size() - compared.plain).isGreaterThan(10_000);
        assertThat(compared.differences).isEmpty();
    }

    /** What came of staging each file both ways. */
    private record Compared(int plain, List<String> differences) {
    }

    /**
     * For every file the quick check passes: the parser's verdict, and the staged row from the
     * file's bytes against the staged row from the parsed record.
     */
    private Compared compare(List<byte[]> files) throws IOException, SQLException {
        SongFileReader reader = new SongFileReader();
        ByteArrayOutputStream fromBytes = new ByteArrayOutputStream();
        ByteArrayOutputStream fromRecords = new ByteArrayOutputStream();
        List<String> differences = new ArrayList<>();
        int plain = 0;
        for (int k = 0; k < files.size(); k++) {
            byte[] file = files.get(k);
            String name = "f" + k;
            if (!SongFileReader.writeIfPlain(name, file, fromBytes)) {
                continue;
            }
            plain++;
            SongFileReader.Result parsed = reader.parse(name, file);
            if (parsed.songs().size() != 1 || !parsed.rejections().isEmpty()) {
                differences.add(name + ": passed the quick check, but the parser found " + parsed + " in "
                    + new String(file, StandardCharsets.UTF_8));
                continue;
            }
            fromRecords.writeBytes(SongLines.of(parsed.songs()));
        }
        Map<String, String> a = staged(fromBytes.toByteArray());
        Map<String, String> b = staged(fromRecords.toByteArray());
        for (Map.Entry<String, String> e : b.entrySet()) {
            if (!e.getValue().equals(a.get(e.getKey()))) {
                differences.add(e.getKey() + ": from the bytes " + a.get(e.getKey()) + ", from the record " + e.getValue()
                    + ", file " + new String(files.get(Integer.parseInt(e.getKey().substring(1))), StandardCharsets.UTF_8));
            }
        }
        assertThat(a).hasSize(plain);
        return new Compared(plain, differences);
    }

    /** The rows staging's own read of these lines gives, by source file. */
    private Map<String, String> staged(byte[] lines) throws IOException, SQLException {
        Path file = Files.createTempFile(tmp, "songs", ".json");
        Files.write(file, lines);
        String sql;
        try (InputStream in = getClass().getResourceAsStream("/encore/sql/warehouse/stage_song_lines.sql")) {
            sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String select = sql.substring(sql.indexOf("INSERT INTO staging_songs") + "INSERT INTO staging_songs".length()).replace(";", "");
        Map<String, String> rows = new TreeMap<>();
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
             PreparedStatement st = c.prepareStatement(select)) {
            st.setString(1, file.toString());
            try (ResultSet rs = st.executeQuery()) {
                int n = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    StringBuilder row = new StringBuilder();
                    for (int i = 1; i <= n; i++) {
                        Object v = rs.getObject(i);
                        // doubles by their bits: 0.1 and 0.1000000000000000055 must be the same double
                        row.append(v instanceof Double d ? Long.toHexString(Double.doubleToRawLongBits(d)) : String.valueOf(v)).append('|');
                    }
                    rows.put(rs.getString("source_file"), row.toString());
                }
            }
        }
        return rows;
    }

    private static List<byte[]> corpus() throws IOException {
        List<byte[]> files = new ArrayList<>();
        try (Stream<Path> paths = Files.walk(Path.of("sample-data", "song_data"))) {
            for (Path f : paths.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                files.add(Files.readAllBytes(f));
            }
        }
        assertThat(files).hasSizeGreaterThan(100);
        // written as the public dataset writes them: a space after every colon and comma
        files.add(("{\"num_songs\": 1, \"artist_id\": \"ARD7TVE1187B99BFB1\", \"artist_latitude\": null, "
            + "\"artist_longitude\": null, \"artist_location\": \"California - LA\", \"artist_name\": \"Casual\", "
            + "\"song_id\": \"SOMZWCG12A8C13C480\", \"title\": \"I Didn't Mean To\", \"duration\": 218.93179, \"year\": 0}")
            .getBytes(StandardCharsets.UTF_8));
        files.add(("{\"num_songs\": 1, \"artist_id\": \"ARKRRTF1187B9984DA\", \"artist_latitude\": 35.14968, "
            + "\"artist_longitude\": -90.04892, \"artist_location\": \"Memphis, TN\", \"artist_name\": \"Sin \\u00e9 \\\"Q\\\" \\/ Z\", "
            + "\"song_id\": \"SOXLLEY12AF72A4D8E\", \"title\": \"El Caf\u00e9 \\ud83c\\udfb5\", \"duration\": 0.1000000000000000055, \"year\": 1984}\n")
            .getBytes(StandardCharsets.UTF_8));
        return files;
    }
}
