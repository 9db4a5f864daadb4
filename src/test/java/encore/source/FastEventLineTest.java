package encore.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The quick pre-check may only ever be stricter than the full check: every line it passes, the
 * JSON parser's check must find good and unconverted. Tried on the bundled sample's events and on
 * many random damages of them (bytes changed, dropped, added; fields moved, repeated, cut off).
 */
class FastEventLineTest {

    /** Bytes that matter to JSON, to UTF-8 or to the quick check's word-at-a-time steps. */
    private static final byte[] DAMAGE = {'"', '\\', ',', ':', '{', '}', '[', ' ', '\t', '\r', '0', '1', '9', '-', '+',
        '.', 'e', 'E', 'n', 'u', 'l', 't', 'x', 'u', '/', 0x00, 0x1F, 0x7F, (byte) 0x80, (byte) 0xBF, (byte) 0xC0,
        (byte) 0xC3, (byte) 0xE0, (byte) 0xED, (byte) 0xF0, (byte) 0xF4, (byte) 0xFF};

    @Test
    void the_quick_check_passes_the_samples_events_and_nothing_the_full_check_refuses() throws IOException {
        List<byte[]> lines = sampleLines();
        int passed = 0;
        for (byte[] line : lines) {
            if (FastEventLine.isPlainEvent(line, 0, line.length)) {
                passed++;
                assertThat(LogFileReader.fullCheckFindsPlain(line)).as(text(line)).isTrue();
            }
        }
        // the generator writes canonical events: the quick check must take (nearly) all of them
        assertThat(passed).isGreaterThan(lines.size() * 9 / 10);
    }

    @Test
    void no_damaged_line_passes_the_quick_check_unless_the_full_check_finds_it_plain() throws IOException {
        List<byte[]> lines = sampleLines();
        Random random = new Random(7);
        int passedDamaged = 0;
        int refused = 0;
        for (int round = 0; round < 150_000; round++) {
            byte[] line = lines.get(random.nextInt(lines.size()));
            int damages = 1 + random.nextInt(3);
            for (int d = 0; d < damages; d++) {
                line = damage(line, lines, random);
            }
            // also at the end of a larger buffer and in its middle: the word reads must not look past the line
            byte[] padded = new byte[line.length + 16];
            Arrays.fill(padded, (byte) '"');
            System.arraycopy(line, 0, padded, 8, line.length);
            boolean quick = FastEventLine.isPlainEvent(line, 0, line.length);
            assertThat(FastEventLine.isPlainEvent(padded, 8, line.length)).as(text(line)).isEqualTo(quick);
            if (quick) {
                passedDamaged++;
                assertThat(LogFileReader.fullCheckFindsPlain(line)).as(text(line)).isTrue();
            } else {
                refused++;
            }
        }
        // both outcomes occur, so the comparison above was really made
        assertThat(passedDamaged).isGreaterThan(1000);
        assertThat(refused).isGreaterThan(10_000);
    }

    private static byte[] damage(byte[] line, List<byte[]> lines, Random random) {
        if (line.length == 0) {
            return line;
        }
        int at = random.nextInt(line.length);
        byte b = DAMAGE[random.nextInt(DAMAGE.length)];
        switch (random.nextInt(7)) {
            case 0 -> { // change a byte
                byte[] copy = line.clone();
                copy[at] = b;
                return copy;
            }
            case 1 -> { // drop a byte
                byte[] copy = new byte[line.length - 1];
                System.arraycopy(line, 0, copy, 0, at);
                System.arraycopy(line, at + 1, copy, at, line.length - at - 1);
                return copy;
            }
            case 2 -> { // add a byte
                byte[] copy = new byte[line.length + 1];
                System.arraycopy(line, 0, copy, 0, at);
                copy[at] = b;
                System.arraycopy(line, at, copy, at + 1, line.length - at);
                return copy;
            }
            case 3 -> { // cut it off
                return Arrays.copyOf(line, at);
            }
            case 4 -> { // repeat a field, or put one of another line in
                String s = text(line);
                List<String> fields = fields(s);
                if (fields.isEmpty()) {
                    return line;
                }
                List<String> other = fields(text(lines.get(random.nextInt(lines.size()))));
                String extra = random.nextBoolean() || other.isEmpty() ? fields.get(random.nextInt(fields.size()))
                    : other.get(random.nextInt(other.size()));
                fields.add(random.nextInt(fields.size() + 1), extra);
                return join(fields);
            }
            case 5 -> { // move or drop a field
                List<String> fields = fields(text(line));
                if (fields.size() < 2) {
                    return line;
                }
                String moved = fields.remove(random.nextInt(fields.size()));
                if (random.nextBoolean()) {
                    fields.add(random.nextInt(fields.size() + 1), moved);
                }
                return join(fields);
            }
            default -> { // a whole value replaced by a tricky one
                List<String> fields = fields(text(line));
                if (fields.isEmpty()) {
                    return line;
                }
                String[] values = {"null", "\"\"", "1e3", "-0", "01", "1.", "12345678901234567890", "1541030440436.0",
                    "\"\\u0000\"", "\"\\ud800\"", "\"caf\u00e9\"", "true", "[]", "{}", "\"NextSong\"", "-1", "2147483648"};
                int k = random.nextInt(fields.size());
                String f = fields.get(k);
                fields.set(k, f.substring(0, f.indexOf("\":") + 2) + values[random.nextInt(values.length)]);
                return join(fields);
            }
        }
    }

    /** A flat line's fields as {@code "name":value} texts (values hold no '","' here but strings with commas may split). */
    private static List<String> fields(String line) {
        if (line.length() < 2 || line.charAt(0) != '{' || line.charAt(line.length() - 1) != '}') {
            return new ArrayList<>();
        }
        List<String> out = new ArrayList<>(Arrays.asList(line.substring(1, line.length() - 1).split(",(?=\")")));
        out.removeIf(f -> !f.startsWith("\"") || !f.contains("\":"));
        return out;
    }

    private static byte[] join(List<String> fields) {
        return ("{" + String.join(",", fields) + "}").getBytes(StandardCharsets.UTF_8);
    }

    private static String text(byte[] line) {
        return new String(line, StandardCharsets.UTF_8);
    }

    private static List<byte[]> sampleLines() throws IOException {
        List<byte[]> lines = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("sample-data", "log_data"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                for (String l : Files.readAllLines(f, StandardCharsets.UTF_8)) {
                    lines.add(l.getBytes(StandardCharsets.UTF_8));
                }
            }
        }
        assertThat(lines).hasSizeGreaterThan(1000);
        return lines;
    }
}
