package encore.source;

/** A record that could not be loaded: where it was, why, and its raw text. */
public record Rejection(Kind kind, String sourceFile, Integer lineNumber, String reason, String rawText) {

    public enum Kind {
        SONG, EVENT;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** Raw text kept for a rejected record is capped so one huge bad file cannot flood the table. */
    public static final int MAX_RAW_CHARS = 64 * 1024;

    public static String clip(String raw) {
        if (raw == null || raw.length() <= MAX_RAW_CHARS) {
            return raw;
        }
        return raw.substring(0, MAX_RAW_CHARS) + "… [" + (raw.length() - MAX_RAW_CHARS) + " more characters]";
    }

    @Override
    public String toString() {
        return sourceFile + (lineNumber == null ? "" : ":" + lineNumber) + ": " + reason;
    }
}
