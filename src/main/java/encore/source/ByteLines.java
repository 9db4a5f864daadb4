package encore.source;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Splits a byte stream into lines at '\n' without decoding it, so a bad byte in one line cannot
 * hide the next. Lines of any length are supported; the last line may lack its newline.
 */
final class ByteLines {

    /** Lines longer than this are not held in memory: they are reported as too long and skipped. */
    static final int MAX_LINE = 256 << 20;

    interface Consumer {
        /** @param lineNumber 1-based; {@code buf[start, start + length)} excludes the '\n' */
        void line(byte[] buf, int start, int length, long lineNumber) throws IOException;

        /** A line of more than {@link #MAX_LINE} bytes; {@code length} is its whole length. */
        default void tooLong(long lineNumber, long length) throws IOException {
        }
    }

    /** Where skipping an overlong line ended: its length, and the bytes after it left in the buffer. */
    private record Skipped(long length, int leftover) {
    }

    /** Skips the rest of a line whose first {@code buf.length} bytes are in {@code buf}. */
    private static Skipped skipLine(InputStream in, byte[] buf) throws IOException {
        long length = buf.length;
        while (true) {
            int n = in.read(buf, 0, buf.length);
            if (n < 0) {
                return new Skipped(length, 0);
            }
            int nl = indexOf(buf, 0, n);
            if (nl >= 0) {
                System.arraycopy(buf, nl + 1, buf, 0, n - nl - 1);
                return new Skipped(length + nl, n - nl - 1);
            }
            length += n;
        }
    }

    private ByteLines() {
    }

    /** Returns the number of lines seen (a final empty line after the last '\n' is not counted). */
    static long forEach(InputStream in, Consumer consumer) throws IOException {
        byte[] buf = new byte[1 << 20];
        int filled = 0;
        int scanned = 0;
        long lineNumber = 0;
        while (true) {
            int start = 0;
            for (int i = indexOf(buf, scanned, filled); i >= 0; i = indexOf(buf, start, filled)) {
                consumer.line(buf, start, i - start, ++lineNumber);
                start = i + 1;
            }
            if (start > 0) {
                System.arraycopy(buf, start, buf, 0, filled - start);
                filled -= start;
            } else if (filled == buf.length) {
                if (buf.length >= MAX_LINE) {
                    Skipped skipped = skipLine(in, buf);
                    consumer.tooLong(++lineNumber, skipped.length());
                    filled = skipped.leftover();
                    scanned = 0;
                    continue;
                }
                buf = Arrays.copyOf(buf, Math.min(MAX_LINE, buf.length * 2));
            }
            scanned = filled;
            int n = in.read(buf, filled, buf.length - filled);
            if (n < 0) {
                break;
            }
            filled += n;
        }
        if (filled > 0) {
            consumer.line(buf, 0, filled, ++lineNumber);
        }
        return lineNumber;
    }

    private static int indexOf(byte[] buf, int from, int to) {
        return PlainBytes.indexOfNewline(buf, from, to);
    }
}
