package encore.source;

/**
 * A quick pre-check of one log line for the common case: a flat JSON object in plain ASCII whose
 * fields are all known, each once, with values of exactly the staged types (strings in
 * well-formed UTF-8). {@link #isPlainEvent}
 * answers true only when the full check would find the line good and unconverted; anything it
 * does not recognise (escapes in page or userId, exponents, unknown or repeated fields, nulls in
 * required fields, any doubtful byte, ...) answers false, and the caller falls back to the full
 * check with the JSON parser. So it may only ever be stricter than that check, never laxer.
 */
final class FastEventLine {

    // field kinds
    private static final int TEXT = 0;
    private static final int INT32 = 1;
    private static final int INT64 = 2;
    private static final int NUMBER = 3;
    private static final int MILLIS = 4;
    private static final int PAGE = 5;
    private static final int USER = 6;
    /** ts: not negative and at most 14 digits here (before year 5138); others get the full range check. */
    private static final int TS = 7;

    private static final String[] NAMES = {
        "artist", "auth", "firstName", "gender", "itemInSession", "lastName", "length", "level", "location",
        "method", "page", "registration", "sessionId", "song", "status", "ts", "userAgent", "userId"};
    private static final int[] KINDS = {
        TEXT, TEXT, TEXT, TEXT, INT32, TEXT, NUMBER, TEXT, TEXT,
        TEXT, PAGE, MILLIS, INT64, TEXT, INT32, TS, TEXT, USER};
    private static final byte[][] NAME_BYTES = new byte[NAMES.length][];
    /** Each field's name as it usually starts a field: {@code "name":}. */
    private static final PlainBytes.Literal[] FIELD_HEADS = new PlainBytes.Literal[NAMES.length];
    /** The same after the previous field's value: {@code ,"name":}. */
    private static final PlainBytes.Literal[] NEXT_HEADS = new PlainBytes.Literal[NAMES.length];
    private static final int REQUIRED;

    static {
        int required = 0;
        for (int i = 0; i < NAMES.length; i++) {
            NAME_BYTES[i] = NAMES[i].getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            FIELD_HEADS[i] = new PlainBytes.Literal("\"" + NAMES[i] + "\":");
            NEXT_HEADS[i] = new PlainBytes.Literal(",\"" + NAMES[i] + "\":");
            if (LogFileReader.REQUIRED.contains(NAMES[i])) {
                required |= 1 << i;
            }
        }
        REQUIRED = required;
    }

    /** Longer numbers go the slow way (the parser limits number length). */
    private static final int MAX_NUMBER = 100;
    /** Longer lines always go the slow way. */
    private static final int MAX_LINE = 1 << 16;

    private static final byte[] NEXT_SONG = {'N', 'e', 'x', 't', 'S', 'o', 'n', 'g'};

    private FastEventLine() {
    }

    /** True only if the line is certainly a good, canonical event (see the class comment). */
    static boolean isPlainEvent(byte[] b, int from, int len) {
        if (len > MAX_LINE) {
            return false; // the parser's limits (string and number lengths) are not re-checked here
        }
        int end = from + len;
        int i = skipSpace(b, from, end);
        if (i >= end || b[i] != '{') {
            return false;
        }
        i = skipSpace(b, i + 1, end);
        int seen = 0;          // non-null values seen, by field index
        int expected = 0;      // fields usually come in schema order: try the next one first
        int present = 0;       // fields seen at all (null or not), to refuse repeats
        boolean nextSong = false;
        boolean emptyUser = false;
        if (i < end && b[i] == '}') {
            return false; // no fields: required ones missing
        }
        int field = -1; // the field whose head the previous value's check already matched, if any
        while (true) {
            if (field < 0 && expected < FIELD_HEADS.length && PlainBytes.startsWith(b, i, end, FIELD_HEADS[expected])) {
                // the usual case: the next field in schema order, written "name": with no spaces
                field = expected;
                i = skipSpace(b, i + FIELD_HEADS[expected].length(), end);
            } else if (field < 0) {
                // field name: plain ASCII letters only
                if (i >= end || b[i] != '"') {
                    return false;
                }
                int nameStart = i + 1;
                int j = nameStart;
                while (j < end && b[j] != '"') {
                    byte c = b[j];
                    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) {
                        return false;
                    }
                    j++;
                }
                if (j >= end) {
                    return false;
                }
                field = fieldIndex(b, nameStart, j - nameStart);
                i = skipSpace(b, j + 1, end);
                if (i >= end || b[i] != ':') {
                    return false;
                }
                i = skipSpace(b, i + 1, end);
            }
            if (field < 0 || (present & (1 << field)) != 0) {
                return false;
            }
            present |= 1 << field;
            expected = field + 1;
            if (i >= end) {
                return false;
            }
            int kind = KINDS[field];
            int valueEnd;
            if (b[i] == 'n') {
                // null: fine for optional fields; a required field or userId goes the slow way
                if (end - i < 4 || b[i + 1] != 'u' || b[i + 2] != 'l' || b[i + 3] != 'l') {
                    return false;
                }
                if (kind == USER || (REQUIRED & (1 << field)) != 0) {
                    return false;
                }
                valueEnd = i + 4;
            } else {
                switch (kind) {
                    case TEXT -> valueEnd = string(b, i, end, true);
                    case PAGE, USER -> {
                        valueEnd = string(b, i, end, false);
                        if (valueEnd > 0) {
                            int n = valueEnd - i - 2;
                            if (kind == PAGE) {
                                nextSong = n == NEXT_SONG.length && regionEquals(b, i + 1, NEXT_SONG);
                            } else {
                                emptyUser = n == 0;
                            }
                        }
                    }
                    case INT32 -> valueEnd = integer(b, i, end, 9, true);
                    case INT64 -> valueEnd = integer(b, i, end, 18, true);
                    case TS -> valueEnd = integer(b, i, end, 14, false);
                    case NUMBER -> valueEnd = number(b, i, end, 308, false);
                    case MILLIS -> {
                        valueEnd = number(b, i, end, 18, false);
                        if (valueEnd > 0 && significantDigits(b, i, valueEnd) > JsonFields.EXACT_DOUBLE_DIGITS) {
                            valueEnd = -1; // read as a DOUBLE, it could round to another millisecond
                        }
                    }
                    default -> valueEnd = -1;
                }
                if (valueEnd < 0) {
                    return false;
                }
                seen |= 1 << field;
            }
            if (expected < NEXT_HEADS.length && PlainBytes.startsWith(b, valueEnd, end, NEXT_HEADS[expected])) {
                // the usual case again: the next field follows in schema order, as ,"name":
                field = expected;
                i = skipSpace(b, valueEnd + NEXT_HEADS[expected].length(), end);
                continue;
            }
            field = -1;
            i = skipSpace(b, valueEnd, end);
            if (i >= end) {
                return false;
            }
            if (b[i] == ',') {
                i = skipSpace(b, i + 1, end);
                continue;
            }
            if (b[i] != '}') {
                return false;
            }
            i = skipSpace(b, i + 1, end);
            break;
        }
        if (i != end) {
            return false;
        }
        if ((seen & REQUIRED) != REQUIRED || (present & (1 << 17)) == 0) {
            return false; // a required field is missing, or no userId (which is a conversion)
        }
        return !(nextSong && emptyUser);
    }

    private static int fieldIndex(byte[] b, int start, int len) {
        for (int f = 0; f < NAME_BYTES.length; f++) {
            byte[] name = NAME_BYTES[f];
            if (name.length == len && regionEquals(b, start, name)) {
                return f;
            }
        }
        return -1;
    }

    private static boolean regionEquals(byte[] b, int start, byte[] what) {
        for (int k = 0; k < what.length; k++) {
            if (b[start + k] != what[k]) {
                return false;
            }
        }
        return true;
    }

    static int skipSpace(byte[] b, int i, int end) {
        while (i < end && (b[i] == ' ' || b[i] == '\t')) {
            i++;
        }
        return i;
    }

    /**
     * A string starting at the quote at {@code i}: printable ASCII, and (if allowed) the JSON
     * escapes. Returns the index after the closing quote, or -1.
     */
    static int string(byte[] b, int i, int end, boolean escapes) {
        if (b[i] != '"') {
            return -1;
        }
        i++;
        while (i < end) {
            i = PlainBytes.skipPlainString(b, i, end);
            if (i >= end) {
                return -1;
            }
            byte c = b[i];
            if (c == '"') {
                return i + 1;
            }
            if (c < 0) {
                i = Utf8.sequenceEnd(b, i, end);
                if (i < 0) {
                    return -1;
                }
                continue;
            }
            if (c < 0x20) { // control characters
                return -1;
            }
            if (c == '\\') {
                if (!escapes || i + 1 >= end) {
                    return -1;
                }
                byte e = b[i + 1];
                switch (e) {
                    case '"', '\\', '/', 'b', 'f', 'n', 'r', 't' -> i += 2;
                    case 'u' -> {
                        if (i + 5 >= end) {
                            return -1;
                        }
                        for (int k = 2; k <= 5; k++) {
                            if (!isHex(b[i + k])) {
                                return -1;
                            }
                        }
                        if ((b[i + 2] == 'd' || b[i + 2] == 'D') && !(b[i + 3] >= '0' && b[i + 3] <= '7')) {
                            return -1; // an escape of D800-DFFF: half of a surrogate pair, for the full check to judge
                        }
                        i += 6;
                    }
                    default -> {
                        return -1;
                    }
                }
                continue;
            }
            i++;
        }
        return -1;
    }

    /** The digits of a plain number after its leading zeros (sign and point not counted). */
    private static int significantDigits(byte[] b, int from, int to) {
        int digits = 0;
        for (int k = from; k < to; k++) {
            byte c = b[k];
            if (c >= '1' && c <= '9' || (c == '0' && digits > 0)) {
                digits++;
            }
        }
        return digits;
    }

    private static boolean isHex(byte c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    /**
     * An integer of at most {@code maxDigits} digits (so surely in range), no leading zero, and
     * negative only if {@code signed}.
     */
    static int integer(byte[] b, int i, int end, int maxDigits, boolean signed) {
        if (signed && i < end && b[i] == '-') {
            i++;
        }
        int start = i;
        while (i < end && b[i] >= '0' && b[i] <= '9') {
            i++;
        }
        int digits = i - start;
        if (digits == 0 || digits > maxDigits || (digits > 1 && b[start] == '0')) {
            return -1;
        }
        if (i < end && (b[i] == '.' || b[i] == 'e' || b[i] == 'E')) {
            return -1;
        }
        return i;
    }

    /**
     * A JSON number with at most {@code maxIntDigits} digits before the point; an exponent only
     * if {@code exponent} is allowed.
     */
    static int number(byte[] b, int i, int end, int maxIntDigits, boolean exponent) {
        int first = i;
        end = Math.min(end, i + MAX_NUMBER);
        if (i < end && b[i] == '-') {
            i++;
        }
        int start = i;
        while (i < end && b[i] >= '0' && b[i] <= '9') {
            i++;
        }
        int digits = i - start;
        if (digits == 0 || digits > maxIntDigits || (digits > 1 && b[start] == '0')) {
            return -1;
        }
        if (i < end && b[i] == '.') {
            i++;
            int f = i;
            while (i < end && b[i] >= '0' && b[i] <= '9') {
                i++;
            }
            if (i == f) {
                return -1;
            }
        }
        if (i < end && (b[i] == 'e' || b[i] == 'E')) {
            if (!exponent) {
                return -1;
            }
            i++;
            if (i < end && (b[i] == '+' || b[i] == '-')) {
                i++;
            }
            int e = i;
            while (i < end && b[i] >= '0' && b[i] <= '9') {
                i++;
            }
            if (i == e) {
                return -1;
            }
        }
        return i - first < MAX_NUMBER ? i : -1;
    }
}
