package encore.source;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads a newline-delimited log file line by line. {@link #check} decides whether a file is
 * canonical — every line one well-typed event object, no blank lines, no byte order mark, no
 * carriage returns, no converted values — so DuckDB's own reader can load it with row k = line k.
 * {@link #read} parses any file in Java, keeping good lines and rejecting bad ones with a reason.
 */
public final class LogFileReader {

    private static final JsonFactory JSON = Json.FACTORY;

    /** Fields every event must have. */
    static final List<String> REQUIRED = List.of("ts", "sessionId", "itemInSession", "page");

    /** Event times from 1970-01-01 to 9999-12-31 (UTC); anything else is a corrupt value. */
    static final long MIN_TS = 0L;
    static final long MAX_TS = 253_402_300_799_999L;

    /** The outcome of a check: canonical or not, lines, bad lines, and fields the schema lacks. */
    public record Check(Path file, boolean canonical, long lines, long badLines, Set<String> unknownFields) {
    }

    public record Result(List<EventRecord> events, List<Rejection> rejections, long lines) {
    }

    /**
     * The names of the two fields a {@linkplain #checkAndTag tagged copy} puts first on every line:
     * the file's number and the line's number. A source file that itself has a field of either
     * name is never canonical, so a copy never holds a field twice.
     */
    public static final String FILE_FIELD = "__encore_file";
    static final String INVALID_UTF8 = "invalid UTF-8";
    public static final String LINE_FIELD = "__encore_line";

    public Check check(Path file) throws IOException {
        return checkAndTag(file, 0, null);
    }

    /**
     * Checks a file like {@link #check} and, when {@code copy} is given, writes a tagged copy of it
     * there as it goes: each line {@code {...}} becomes
     * <code>{"__encore_file":fileNumber,"__encore_line":n,...}</code>. Only meaningful when the
     * file turns out canonical (every line then starts with its object's '{'); otherwise the copy
     * is incomplete and the caller deletes it. With the line number in the row itself, DuckDB can
     * read the copies in any order, in parallel, and still stage every row with its line.
     */
    public Check checkAndTag(Path file, int fileNumber, Path copy) throws IOException {
        Scan scan = new Scan(file.toString(), false);
        long lines;
        try (InputStream in = Files.newInputStream(file);
             OutputStream out = copy == null ? null : Files.newOutputStream(copy)) {
            if (out != null) {
                scan.tagged = new TaggedCopy(out, ("{\"" + FILE_FIELD + "\":" + fileNumber + ",\"" + LINE_FIELD + "\":")
                    .getBytes(StandardCharsets.US_ASCII));
            }
            lines = ByteLines.forEach(in, scan);
            if (scan.tagged != null) {
                scan.tagged.flush();
            }
        }
        // a field the schema lacks makes the file go the Java way too: DuckDB's reader would
        // judge its value (its text, its bytes) by rules of its own, and could refuse the file
        boolean canonical = scan.bad == 0 && !scan.irregular && lines > 0 && scan.unknown.isEmpty();
        return new Check(file, canonical, lines, scan.bad, scan.unknown);
    }

    /**
     * The full check's verdict on one line (no BOM, no '\r'): true when the line is good, needs no
     * conversion and has only known fields, the only lines the quick check may pass. For tests of
     * that quick check.
     */
    static boolean fullCheckFindsPlain(byte[] line) throws IOException {
        Scan scan = new Scan("line", false);
        Parsed parsed = scan.verify(line, 0, line.length);
        return parsed.reason == null && !parsed.converted && scan.unknown.isEmpty();
    }

    public Result read(Path file) throws IOException {
        Scan scan = new Scan(file.toString(), true);
        long lines;
        try (InputStream in = Files.newInputStream(file)) {
            lines = ByteLines.forEach(in, scan);
        }
        if (lines == 0) {
            scan.rejections.add(new Rejection(Rejection.Kind.EVENT, file.toString(), null, "empty file", ""));
        }
        return new Result(scan.events, scan.rejections, lines);
    }

    /**
     * A tagged copy being written: each line as the prefix, the line's number, a comma and the
     * rest of the object, gathered in one buffer of its own: the copy is one thread's, so no
     * locking stream is needed in between.
     */
    private static final class TaggedCopy {
        private final OutputStream out;
        private final byte[] prefix;
        private final byte[] buffer = new byte[1 << 20];
        private int used;

        TaggedCopy(OutputStream out, byte[] prefix) {
            this.out = out;
            this.prefix = prefix;
        }

        /** Appends {@code prefix + lineNumber + "," + body[from, from + length) + "\n"}. */
        void line(long lineNumber, byte[] body, int from, int length) throws IOException {
            int head = prefix.length + 21; // at most 19 digits and the comma, and the newline
            if (used + head + length > buffer.length) {
                flush();
            }
            System.arraycopy(prefix, 0, buffer, used, prefix.length);
            used += prefix.length;
            int digits = 1;
            for (long n = lineNumber; n >= 10; n /= 10) {
                digits++;
            }
            long n = lineNumber;
            for (int k = used + digits - 1; k >= used; k--) {
                buffer[k] = (byte) ('0' + n % 10);
                n /= 10;
            }
            used += digits;
            buffer[used++] = ',';
            if (length > buffer.length - used - 1) { // a line longer than the buffer goes straight out
                flush();
                out.write(body, from, length);
            } else {
                System.arraycopy(body, from, buffer, used, length);
                used += length;
            }
            buffer[used++] = '\n';
        }

        void flush() throws IOException {
            out.write(buffer, 0, used);
            used = 0;
        }
    }

    /** Per-file parsing state. */
    private static final class Scan implements ByteLines.Consumer {
        final String file;
        final boolean keep;
        final List<EventRecord> events = new ArrayList<>();
        final List<Rejection> rejections = new ArrayList<>();
        final Set<String> unknown = new TreeSet<>();
        /** The keys of the line being checked, to see a repeated one. */
        private final Set<String> lineFields = new java.util.HashSet<>();
        long bad;
        boolean irregular;
        long blankRun;
        /** Where the tagged copy goes while the file still looks canonical; null: no copy. */
        TaggedCopy tagged;

        Scan(String file, boolean keep) {
            this.file = file;
            this.keep = keep;
        }

        @Override
        public void tooLong(long lineNumber, long length) {
            bad++;
            if (keep) {
                rejections.add(new Rejection(Rejection.Kind.EVENT, file, (int) lineNumber,
                    String.format("line too long (%,d bytes; at most %,d)", length, ByteLines.MAX_LINE), null));
            }
        }

        @Override
        public void line(byte[] buf, int start, int length, long lineNumber) throws IOException {
            int from = start;
            int len = length;
            if (lineNumber == 1 && len >= 3 && (buf[from] & 0xFF) == 0xEF && (buf[from + 1] & 0xFF) == 0xBB
                && (buf[from + 2] & 0xFF) == 0xBF) {
                from += 3;
                len -= 3;
                irregular = true;
            }
            if (len > 0 && buf[from + len - 1] == '\r') {
                len--;
                irregular = true;
            }
            if (isBlank(buf, from, len)) {
                irregular = true;
                return;
            }
            Parsed parsed = keep ? parse(buf, from, len, lineNumber)
                : FastEventLine.isPlainEvent(buf, from, len) ? Parsed.GOOD : verify(buf, from, len);
            if (parsed.reason != null) {
                bad++;
                if (keep) {
                    rejections.add(new Rejection(Rejection.Kind.EVENT, file, (int) lineNumber, parsed.reason,
                        Rejection.clip(Utf8.text(buf, from, from + len))));
                }
            } else {
                if (parsed.converted) {
                    irregular = true;
                }
                if (keep) {
                    events.add(parsed.event);
                }
            }
            if (tagged != null) {
                writeTagged(buf, from, len, lineNumber);
            }
        }

        /** Appends the line to the tagged copy, or stops the copy once the file cannot be canonical. */
        private void writeTagged(byte[] buf, int from, int len, long lineNumber) throws IOException {
            int open = from;
            while (open < from + len && buf[open] != '{') {
                open++;
            }
            if (bad > 0 || irregular || open == from + len) {
                tagged = null; // not canonical: the caller discards the copy
                return;
            }
            tagged.line(lineNumber, buf, open + 1, from + len - open - 1);
        }

        /**
         * What {@link #parse} decides about a line — bad (and why), converted, or fine — without
         * building the record: strings other than page and userId are validated but not decoded,
         * numbers are range-checked but not converted. Must reach the same verdict as parse.
         */
        private Parsed verify(byte[] buf, int from, int len) throws IOException {
            JsonFields f = JsonFields.create();
            boolean hasTs = false, hasSession = false, hasItem = false, hasPage = false;
            boolean nextSong = false, hasUser = false, emptyUser = false;
            String firstError = null;
            boolean ascii = isAscii(buf, from, len);
            if (!ascii && !Utf8.isWellFormed(buf, from, from + len)) {
                return Parsed.bad(INVALID_UTF8);
            }
            boolean decode = !ascii || hasUnicodeEscape(buf, from, len);
            lineFields.clear();
            try (JsonParser p = JSON.createParser(buf, from, len)) {
                JsonToken t = p.nextToken();
                if (t != JsonToken.START_OBJECT) {
                    return Parsed.bad("expected a JSON object, got " + JsonFields.describe(t));
                }
                while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                    String field = p.currentName();
                    if (!lineFields.add(field)) {
                        // a repeated key: DuckDB's reader refuses the object; parsed in Java, the last value counts
                        f.converted = true;
                    }
                    t = p.nextToken();
                    switch (field) {
                        case "artist", "auth", "firstName", "gender", "lastName", "level", "location", "method",
                             "song", "userAgent" -> f.textPresent(p, field, decode);
                        case "itemInSession" -> hasItem = f.integer(p, field, Integer.MIN_VALUE, Integer.MAX_VALUE) != null;
                        case "status" -> f.integer(p, field, Integer.MIN_VALUE, Integer.MAX_VALUE);
                        case "length" -> f.decimalPresent(p, field);
                        case "registration" -> {
                            if (f.epochMillisPresent(p, field) && !JsonFields.exactAsDouble(p)) {
                                f.converted = true; // DuckDB reads it as a DOUBLE: exact only up to 15 digits
                            }
                        }
                        case "sessionId" -> hasSession = f.integer(p, field, Long.MIN_VALUE, Long.MAX_VALUE) != null;
                        case "ts" -> hasTs = f.integer(p, field, MIN_TS, MAX_TS) != null;
                        case "page" -> {
                            if (t == JsonToken.VALUE_STRING) {
                                hasPage = f.textPresent(p, field, decode);
                                nextSong = hasPage && p.getTextLength() == 8 && "NextSong".equals(p.getText());
                            } else {
                                String page = f.text(p, field);
                                hasPage = page != null;
                                nextSong = "NextSong".equals(page);
                            }
                        }
                        case "userId" -> {
                            if (t == JsonToken.VALUE_STRING) {
                                hasUser = f.textPresent(p, field, decode);
                                emptyUser = hasUser && p.getTextLength() == 0;
                            } else {
                                String user = f.text(p, field);
                                hasUser = user != null;
                                emptyUser = user != null && user.isEmpty();
                            }
                        }
                        default -> {
                            unknown.add(field);
                            p.skipChildren();
                        }
                    }
                    if (f.error != null && firstError == null) {
                        firstError = f.error;
                    }
                }
                if (p.nextToken() != null) {
                    return Parsed.bad("more than one JSON value on the line");
                }
            } catch (JsonProcessingException e) {
                return Parsed.bad(Utf8.reason(e));
            }
            String refused = verdict(firstError, hasTs, hasSession, hasItem, hasPage);
            if (refused != null) {
                return Parsed.bad(refused);
            }
            if (!hasUser) {
                f.converted = true;
                emptyUser = true;
            }
            if (nextSong && emptyUser) {
                return Parsed.bad("NextSong event without a userId");
            }
            return new Parsed(null, null, f.converted);
        }

        private Parsed parse(byte[] buf, int from, int len, long lineNumber) throws IOException {
            JsonFields f = JsonFields.create();
            String artist = null, auth = null, firstName = null, gender = null, lastName = null, level = null;
            String location = null, method = null, page = null, song = null, userAgent = null, userId = null;
            Long item = null, registration = null, sessionId = null, status = null, ts = null;
            Double length = null;
            boolean hasTs = false, hasSession = false, hasItem = false, hasPage = false;
            String firstError = null;
            if (!isAscii(buf, from, len) && !Utf8.isWellFormed(buf, from, from + len)) {
                return Parsed.bad(INVALID_UTF8);
            }
            try (JsonParser p = JSON.createParser(buf, from, len)) {
                JsonToken t = p.nextToken();
                if (t != JsonToken.START_OBJECT) {
                    return Parsed.bad("expected a JSON object, got " + JsonFields.describe(t));
                }
                while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                    String field = p.currentName();
                    p.nextToken();
                    switch (field) {
                        case "artist" -> artist = f.text(p, field);
                        case "auth" -> auth = f.text(p, field);
                        case "firstName" -> firstName = f.text(p, field);
                        case "gender" -> gender = f.text(p, field);
                        case "itemInSession" -> {
                            item = f.integer(p, field, Integer.MIN_VALUE, Integer.MAX_VALUE);
                            hasItem = item != null;
                        }
                        case "lastName" -> lastName = f.text(p, field);
                        case "length" -> length = f.decimal(p, field);
                        case "level" -> level = f.text(p, field);
                        case "location" -> location = f.text(p, field);
                        case "method" -> method = f.text(p, field);
                        case "page" -> {
                            page = f.text(p, field);
                            hasPage = page != null;
                        }
                        case "registration" -> registration = f.epochMillis(p, field);
                        case "sessionId" -> {
                            sessionId = f.integer(p, field, Long.MIN_VALUE, Long.MAX_VALUE);
                            hasSession = sessionId != null;
                        }
                        case "song" -> song = f.text(p, field);
                        case "status" -> status = f.integer(p, field, Integer.MIN_VALUE, Integer.MAX_VALUE);
                        case "ts" -> {
                            ts = f.integer(p, field, MIN_TS, MAX_TS);
                            hasTs = ts != null;
                        }
                        case "userAgent" -> userAgent = f.text(p, field);
                        case "userId" -> userId = f.text(p, field);
                        default -> {
                            unknown.add(field);
                            p.skipChildren();
                        }
                    }
                    if (f.error != null && firstError == null) {
                        firstError = f.error;
                    }
                }
                if (p.nextToken() != null) {
                    return Parsed.bad("more than one JSON value on the line");
                }
            } catch (JsonProcessingException e) {
                return Parsed.bad(Utf8.reason(e));
            }
            String refused = verdict(firstError, hasTs, hasSession, hasItem, hasPage);
            if (refused != null) {
                return Parsed.bad(refused);
            }
            if (userId == null) {
                userId = "";
                f.converted = true;
            }
            if ("NextSong".equals(page) && userId.isEmpty()) {
                return Parsed.bad("NextSong event without a userId");
            }
            EventRecord event = keep ? new EventRecord(artist, auth, firstName, gender, item.intValue(), lastName,
                length, level, location, method, page, registration, sessionId, song,
                status == null ? null : status.intValue(), ts, userAgent, userId, file, (int) lineNumber) : null;
            return new Parsed(event, null, f.converted);
        }
    }

    /** The first reason to refuse an event: a bad value, then the first missing required field. */
    static String verdict(String firstError, boolean hasTs, boolean hasSession, boolean hasItem, boolean hasPage) {
        if (firstError != null) {
            return firstError;
        }
        return !hasTs ? "missing required field ts"
            : !hasSession ? "missing required field sessionId"
            : !hasItem ? "missing required field itemInSession"
            : !hasPage ? "missing required field page"
            : null;
    }

    private record Parsed(EventRecord event, String reason, boolean converted) {
        static final Parsed GOOD = new Parsed(null, null, false);

        static Parsed bad(String reason) {
            return new Parsed(null, reason, false);
        }
    }

    /** Whether the line may hold a backslash-u escape (a backslash before a 'u'; an escaped backslash may make it a false alarm). */
    private static boolean hasUnicodeEscape(byte[] b, int from, int len) {
        for (int i = from, end = from + len - 1; i < end; i++) {
            if (b[i] == '\\' && b[i + 1] == 'u') {
                return true;
            }
        }
        return false;
    }

    private static boolean isAscii(byte[] b, int from, int len) {
        for (int i = from; i < from + len; i++) {
            if (b[i] < 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean isBlank(byte[] b, int from, int len) {
        for (int i = from; i < from + len; i++) {
            byte c = b[i];
            if (c != ' ' && c != '\t' && c != '\r') {
                return false;
            }
        }
        return true;
    }
}
