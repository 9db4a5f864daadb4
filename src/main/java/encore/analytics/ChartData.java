package encore.analytics;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A chart's data as a table, for export: a title, column names and rows. {@link Charts} turns
 * every {@link ListeningAnalytics} result into one.
 */
public record ChartData(String title, List<String> columns, List<List<Object>> rows) {

    public ChartData {
        columns = List.copyOf(columns);
        List<List<Object>> copy = new ArrayList<>(rows.size());
        for (List<Object> r : rows) {
            if (r.size() != columns.size()) {
                throw new IllegalArgumentException("row has " + r.size() + " values, expected " + columns.size());
            }
            copy.add(Collections.unmodifiableList(new ArrayList<>(r)));
        }
        rows = Collections.unmodifiableList(copy);
    }

    /**
     * Writes a header line of the column names and one line per row, as RFC 4180 CSV: fields
     * separated by commas, lines ended by CRLF, a field holding a comma, quote, CR or LF put in
     * double quotes with its quotes doubled; null as an empty field. The title is not written.
     */
    public void toCsv(Writer out) throws IOException {
        writeLine(out, new ArrayList<>(columns));
        for (List<Object> r : rows) {
            writeLine(out, r);
        }
        out.flush();
    }

    /** {@link #toCsv(Writer)} into a string. */
    public String toCsv() {
        StringWriter w = new StringWriter();
        try {
            toCsv(w);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return w.toString();
    }

    private static void writeLine(Writer out, List<?> values) throws IOException {
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(field(values.get(i)));
        }
        out.write("\r\n");
    }

    static String field(Object value) {
        if (value == null) {
            return "";
        }
        String s = value.toString();
        boolean quote = false;
        for (int i = 0; i < s.length() && !quote; i++) {
            char c = s.charAt(i);
            quote = c == ',' || c == '"' || c == '\r' || c == '\n';
        }
        return quote ? '"' + s.replace("\"", "\"\"") + '"' : s;
    }
}
