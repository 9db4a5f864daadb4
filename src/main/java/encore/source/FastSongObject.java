package encore.source;

/**
 * A quick check of a whole song file for the common case: one flat JSON object, on one line, whose
 * fields are all known, each once, with values of exactly the staged types (integers and decimals
 * as plain numbers, ids as strings without escapes starting with a letter or digit, the required
 * fields present and not null), then nothing but white space. Such a file's own bytes are what
 * DuckDB's reader would stage from the record the full check builds, so they can be staged as
 * they are. Like {@link FastEventLine} it may only be stricter than the full check
 * ({@link SongFileReader}'s parser): anything it does not recognise answers -1, and the caller
 * parses the file.
 */
final class FastSongObject {

    private static final int INT32 = 0;
    private static final int NUMBER = 1;
    /** A string, or null. */
    private static final int TEXT = 2;
    /** A string, never null. */
    private static final int NAME = 3;
    /** A string without escapes that starts with an ASCII letter or digit (so not blank), never null. */
    private static final int ID = 4;

    private static final String[] NAMES = {
        "num_songs", "artist_id", "artist_latitude", "artist_longitude", "artist_location", "artist_name", "song_id",
        "title", "duration", "year"};
    private static final int[] KINDS = {INT32, ID, NUMBER, NUMBER, TEXT, NAME, ID, NAME, NUMBER, INT32};
    private static final byte[][] NAME_BYTES = new byte[NAMES.length][];
    private static final int REQUIRED;

    static {
        int required = 0;
        for (int i = 0; i < NAMES.length; i++) {
            NAME_BYTES[i] = NAMES[i].getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            if (KINDS[i] == NAME || KINDS[i] == ID) {
                required |= 1 << i;
            }
        }
        REQUIRED = required;
    }

    /** Longer files always go the slow way. */
    private static final int MAX_OBJECT = 1 << 16;

    private FastSongObject() {
    }

    /**
     * Where the object's '{' is when {@code b[from, end)} is certainly one good, plain song object
     * (see the class comment), or -1. The object then ends at the last '}' before {@code end}.
     */
    static int plainObjectStart(byte[] b, int from, int end) {
        if (end - from > MAX_OBJECT) {
            return -1;
        }
        int open = FastEventLine.skipSpace(b, from, end);
        if (open >= end || b[open] != '{') {
            return -1;
        }
        int i = FastEventLine.skipSpace(b, open + 1, end);
        int present = 0;
        int notNull = 0;
        while (true) {
            if (i >= end || b[i] != '"') {
                return -1;
            }
            int field = field(b, i + 1, end);
            if (field < 0 || (present & (1 << field)) != 0) {
                return -1;
            }
            present |= 1 << field;
            i = FastEventLine.skipSpace(b, i + 2 + NAME_BYTES[field].length, end);
            if (i >= end || b[i] != ':') {
                return -1;
            }
            i = FastEventLine.skipSpace(b, i + 1, end);
            if (i >= end) {
                return -1;
            }
            int kind = KINDS[field];
            int valueEnd;
            if (b[i] == 'n') {
                if (kind == NAME || kind == ID || end - i < 4 || b[i + 1] != 'u' || b[i + 2] != 'l' || b[i + 3] != 'l') {
                    return -1;
                }
                valueEnd = i + 4;
            } else {
                valueEnd = switch (kind) {
                    case INT32 -> FastEventLine.integer(b, i, end, 9, true);
                    case NUMBER -> FastEventLine.number(b, i, end, 308, false);
                    case TEXT, NAME -> FastEventLine.string(b, i, end, true);
                    default -> i + 1 < end && isLetterOrDigit(b[i + 1]) ? FastEventLine.string(b, i, end, false) : -1;
                };
                if (valueEnd < 0) {
                    return -1;
                }
                notNull |= 1 << field;
            }
            i = FastEventLine.skipSpace(b, valueEnd, end);
            if (i >= end) {
                return -1;
            }
            if (b[i] == ',') {
                i = FastEventLine.skipSpace(b, i + 1, end);
                continue;
            }
            if (b[i] != '}') {
                return -1;
            }
            break;
        }
        if ((notNull & REQUIRED) != REQUIRED) {
            return -1;
        }
        for (int k = i + 1; k < end; k++) {
            byte c = b[k];
            if (c != ' ' && c != '\t' && c != '\r' && c != '\n') {
                return -1;
            }
        }
        return open;
    }

    /** The known field whose name and closing quote start at {@code start}, or -1. */
    private static int field(byte[] b, int start, int end) {
        for (int f = 0; f < NAME_BYTES.length; f++) {
            byte[] name = NAME_BYTES[f];
            int n = name.length;
            if (start + n < end && b[start + n] == '"' && java.util.Arrays.equals(b, start, start + n, name, 0, n)) {
                return f;
            }
        }
        return -1;
    }

    private static boolean isLetterOrDigit(byte c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }
}
