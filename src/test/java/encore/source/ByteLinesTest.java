package encore.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ByteLinesTest {

    /** A stream of {@code n} bytes of 'a' — a line longer than ByteLines will hold — then more lines. */
    static InputStream hugeLineThen(long n, String rest) {
        byte[] tail = rest.getBytes(StandardCharsets.UTF_8);
        return new InputStream() {
            long pos;

            @Override
            public int read() {
                throw new UnsupportedOperationException();
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (pos >= n + tail.length) {
                    return -1;
                }
                int count = 0;
                while (count < len && pos < n + tail.length) {
                    b[off + count++] = pos < n ? (byte) 'a' : tail[(int) (pos - n)];
                    pos++;
                }
                return count;
            }
        };
    }

    @Test
    void an_overlong_line_is_reported_and_the_next_lines_still_arrive() throws IOException {
        List<String> lines = new ArrayList<>();
        List<String> tooLong = new ArrayList<>();
        long n = ByteLines.MAX_LINE + 12_345L;
        long count = ByteLines.forEach(hugeLineThen(n, "\n{\"ok\":1}\nlast"), new ByteLines.Consumer() {
            @Override
            public void line(byte[] buf, int start, int length, long lineNumber) {
                lines.add(lineNumber + ":" + new String(buf, start, length, StandardCharsets.UTF_8));
            }

            @Override
            public void tooLong(long lineNumber, long length) {
                tooLong.add(lineNumber + ":" + length);
            }
        });
        assertThat(tooLong).containsExactly("1:" + n);
        assertThat(lines).containsExactly("2:{\"ok\":1}", "3:last");
        assertThat(count).isEqualTo(3);
    }

    @Test
    void lines_without_a_final_newline_and_empty_lines_are_counted() throws IOException {
        List<String> lines = new ArrayList<>();
        long count = ByteLines.forEach(new ByteArrayInputStream("a\n\nb".getBytes(StandardCharsets.UTF_8)),
            (buf, start, length, no) -> lines.add(no + ":" + new String(buf, start, length, StandardCharsets.UTF_8)));
        assertThat(lines).containsExactly("1:a", "2:", "3:b");
        assertThat(count).isEqualTo(3);
    }
}
