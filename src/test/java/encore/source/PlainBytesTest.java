package encore.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The word-at-a-time scans and comparisons answer exactly what the byte-by-byte loops answer. */
class PlainBytesTest {

    private static final byte[] ALPHABET = {'a', 'Z', ' ', '~', '"', '\\', '\n', 0, 0x1F, 0x20, 0x7F, (byte) 0x80, (byte) 0xC3, (byte) 0xFF};

    @Test
    void scans_agree_with_byte_loops_on_random_input() {
        Random random = new Random(42);
        for (int round = 0; round < 20_000; round++) {
            byte[] b = new byte[random.nextInt(40)];
            for (int k = 0; k < b.length; k++) {
                // mostly plain letters, so that long plain runs and word boundaries both occur
                b[k] = random.nextInt(6) == 0 ? ALPHABET[random.nextInt(ALPHABET.length)] : (byte) ('a' + random.nextInt(26));
            }
            int from = b.length == 0 ? 0 : random.nextInt(b.length + 1);
            int to = from + random.nextInt(b.length - from + 1);
            assertThat(PlainBytes.skipPlainString(b, from, to)).as("skip %s", java.util.Arrays.toString(b)).isEqualTo(slowSkip(b, from, to));
            assertThat(PlainBytes.indexOfNewline(b, from, to)).as("newline %s", java.util.Arrays.toString(b)).isEqualTo(slowNewline(b, from, to));
        }
    }

    @Test
    void literal_matches_agree_with_byte_comparison_anywhere_in_a_buffer() {
        Random random = new Random(43);
        String[] literals = {"\"ts\":", ",\"ts\":", "\"level\":", ",\"userAgent\":", "\"itemInSession\":", "a", "abcdefgh", "abcdefghi"};
        for (int round = 0; round < 50_000; round++) {
            String text = literals[random.nextInt(literals.length)];
            PlainBytes.Literal literal = new PlainBytes.Literal(text);
            byte[] want = text.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            byte[] b = new byte[random.nextInt(24)];
            for (int k = 0; k < b.length; k++) {
                b[k] = random.nextInt(3) == 0 ? (byte) random.nextInt(256) : want[random.nextInt(want.length)];
            }
            if (b.length > 0 && random.nextBoolean()) { // often the literal itself, whole or cut short
                int at = random.nextInt(b.length);
                System.arraycopy(want, 0, b, at, Math.min(want.length, b.length - at));
            }
            int i = random.nextInt(b.length + 1);
            int end = i + random.nextInt(b.length - i + 1);
            assertThat(literal.length()).isEqualTo(want.length);
            assertThat(PlainBytes.startsWith(b, i, end, literal)).as("%s at %d..%d of %s", text, i, end, java.util.Arrays.toString(b))
                .isEqualTo(slowStartsWith(b, i, end, want));
        }
    }

    private static boolean slowStartsWith(byte[] b, int i, int end, byte[] want) {
        if (end - i < want.length) {
            return false;
        }
        for (int k = 0; k < want.length; k++) {
            if (b[i + k] != want[k]) {
                return false;
            }
        }
        return true;
    }

    private static int slowSkip(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            byte c = b[i];
            if (c < 0x20 || c == '"' || c == '\\') {
                return i;
            }
        }
        return to;
    }

    private static int slowNewline(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] == '\n') {
                return i;
            }
        }
        return -1;
    }
}
