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
}
