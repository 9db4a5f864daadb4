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
                line = Damage.apply(line, lines, random);
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
