package encore.source;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Splits a byte stream into lines at '\n' without decoding it, so a bad byte in one line cannot
 * hide the next. Lines of any length are supported; the last line may lack its newline.
 */
final class ByteLines {

    interface Consumer {
        /** @param lineNumber 1-based; {@code buf[start, start + length)} excludes the '\n' */
        void line(byte[] buf, int start, int length, long lineNumber) throws IOException;
    }

    private ByteLines() {
    }

    /** Returns the number of lines seen (a final empty line after the last '\n' is not counted). */
    static long forEach(InputStream in, Consumer consumer) throws IOException {
        byte[] buf = new byte[1 << 20];
        int filled = 0;
        long lineNumber = 0;
        while (true) {
            int n = in.read(buf, filled, buf.length - filled);
            if (n < 0) {
                break;
            }
            filled += n;
            int start = 0;
            for (int i = indexOf(buf, start, filled); i >= 0; i = indexOf(buf, start, filled)) {
                consumer.line(buf, start, i - start, ++lineNumber);
                start = i + 1;
            }
            if (start > 0) {
                System.arraycopy(buf, start, buf, 0, filled - start);
                filled -= start;
            } else if (filled == buf.length) {
                buf = Arrays.copyOf(buf, buf.length * 2);
            }
        }
        if (filled > 0) {
            consumer.line(buf, 0, filled, ++lineNumber);
        }
        return lineNumber;
    }

    private static int indexOf(byte[] buf, int from, int to) {
        for (int i = from; i < to; i++) {
            if (buf[i] == '\n') {
                return i;
            }
        }
        return -1;
    }
}
