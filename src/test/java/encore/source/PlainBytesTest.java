package encore.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The word-at-a-time scans answer exactly what the byte-by-byte loops answer. */
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
