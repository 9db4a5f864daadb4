package encore.source;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.nio.charset.StandardCharsets;

/** Byte-level helpers for input that may not be valid UTF-8. */
final class Utf8 {

    private Utf8() {
    }

    static int bomLength(byte[] b) {
        return b.length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF ? 3 : 0;
    }

    static boolean isBlank(byte[] b, int from) {
        for (int i = from; i < b.length; i++) {
            byte c = b[i];
            if (c != ' ' && c != '\t' && c != '\r' && c != '\n') {
                return false;
            }
        }
        return true;
    }

    /** Decodes leniently (bad bytes become U+FFFD) for showing raw text to people. */
    static String text(byte[] b, int from, int to) {
        int end = Math.max(from, Math.min(to, b.length));
        return new String(b, from, end - from, StandardCharsets.UTF_8);
    }

    /** A short reason for a parse failure: invalid UTF-8, truncated input, or malformed JSON. */
    static String reason(JsonProcessingException e) {
        String msg = e.getOriginalMessage();
        if (msg == null) {
            return "malformed JSON";
        }
        if (msg.contains("Invalid UTF-8")) {
            return "invalid UTF-8";
        }
        if (msg.contains("end-of-input")) {
            return "truncated JSON (unexpected end of input)";
        }
        int cut = msg.indexOf('\n');
        String first = cut < 0 ? msg : msg.substring(0, cut);
        return "malformed JSON: " + JsonFields.shorten(first);
    }

    /**
     * One well-formed UTF-8 sequence (Unicode's table 3-7: no overlong forms, no surrogates,
     * nothing above U+10FFFF) starting at {@code i}; returns the index after it, or -1.
     */
    static int sequenceEnd(byte[] b, int i, int end) {
        int c = b[i] & 0xFF;
        int n;
        int lo = 0x80;
        int hi = 0xBF;
        if (c >= 0xC2 && c <= 0xDF) {
            n = 1;
        } else if (c >= 0xE0 && c <= 0xEF) {
            n = 2;
            if (c == 0xE0) {
                lo = 0xA0;
            } else if (c == 0xED) {
                hi = 0x9F;
            }
        } else if (c >= 0xF0 && c <= 0xF4) {
            n = 3;
            if (c == 0xF0) {
                lo = 0x90;
            } else if (c == 0xF4) {
                hi = 0x8F;
            }
        } else {
            return -1;
        }
        if (i + n >= end) {
            return -1;
        }
        int second = b[i + 1] & 0xFF;
        if (second < lo || second > hi) {
            return -1;
        }
        for (int k = 2; k <= n; k++) {
            int cont = b[i + k] & 0xFF;
            if (cont < 0x80 || cont > 0xBF) {
                return -1;
            }
        }
        return i + n + 1;
    }

    /**
     * Whether {@code b[from, to)} is well-formed UTF-8 by the same table. The JSON parser decodes
     * some ill-formed sequences (an overlong form such as C0 80, code points above U+10FFFF)
     * without complaint, DuckDB's reader refuses them: a line is judged by this, not by the parser.
     */
    static boolean isWellFormed(byte[] b, int from, int to) {
        int i = from;
        while (i < to) {
            if (b[i] >= 0) {
                i++;
            } else {
                i = sequenceEnd(b, i, to);
                if (i < 0) {
                    return false;
                }
            }
        }
        return true;
    }
}
