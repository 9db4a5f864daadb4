package encore.source;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Random damage to a flat JSON object, for tests that hold a quick check to the full parser's
 * verdict: a byte changed, dropped or added, the object cut off, a field repeated, moved, dropped
 * or borrowed from another object, a value replaced by a tricky one.
 */
final class Damage {

    /** Bytes that matter to JSON, to UTF-8 or to the quick check's word-at-a-time steps. */
    private static final byte[] DAMAGE = {'"', '\\', ',', ':', '{', '}', '[', ' ', '\t', '\r', '0', '1', '9', '-', '+',
        '.', 'e', 'E', 'n', 'u', 'l', 't', 'x', 'u', '/', 0x00, 0x1F, 0x7F, (byte) 0x80, (byte) 0xBF, (byte) 0xC0,
        (byte) 0xC3, (byte) 0xE0, (byte) 0xED, (byte) 0xF0, (byte) 0xF4, (byte) 0xFF};

    static byte[] apply(byte[] line, List<byte[]> lines, Random random) {
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
                List<String> fields = fields(text(line));
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
                    "\"\\u0000\"", "\"\\ud800\"", "\" \"", "\"\\t\"", "\"a\\\"b\"", "\"caf\u00e9\"", "true", "[]", "{}", "\"NextSong\"", "-1", "2147483648"};
                int k = random.nextInt(fields.size());
                String f = fields.get(k);
                fields.set(k, f.substring(0, f.indexOf("\":") + 2) + (random.nextBoolean() ? " " : "") + values[random.nextInt(values.length)]);
                return join(fields);
            }
        }
    }

    /** A flat object's fields as {@code "name":value} texts (a string holding ," may split wrongly: that is damage too). */
    private static List<String> fields(String line) {
        if (line.length() < 2 || line.charAt(0) != '{' || line.charAt(line.length() - 1) != '}') {
            return new ArrayList<>();
        }
        List<String> out = new ArrayList<>(Arrays.asList(line.substring(1, line.length() - 1).split(",(?=\\s*\")")));
        out.replaceAll(String::strip);
        out.removeIf(f -> !f.startsWith("\"") || !f.contains("\":"));
        return out;
    }

    private static byte[] join(List<String> fields) {
        return ("{" + String.join(",", fields) + "}").getBytes(StandardCharsets.UTF_8);
    }

    private static String text(byte[] line) {
        return new String(line, StandardCharsets.UTF_8);
    }

    private Damage() {
    }
}
