package encore.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import encore.warehouse.QueryResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** Prints a query result as an aligned table, RFC 4180 CSV, or a JSON array of objects. */
final class ResultFormats {

    private ResultFormats() {
    }

    static void table(QueryResult r, PrintWriter out) {
        int n = r.columns().size();
        int[] width = new int[n];
        List<String[]> cells = new ArrayList<>(r.rows().size());
        for (int i = 0; i < n; i++) {
            width[i] = r.columns().get(i).length();
        }
        for (List<Object> row : r.rows()) {
            String[] c = new String[n];
            for (int i = 0; i < n; i++) {
                c[i] = row.get(i) == null ? "NULL" : String.valueOf(row.get(i));
                width[i] = Math.max(width[i], Math.min(60, c[i].length()));
            }
            cells.add(c);
        }
        printRow(out, r.columns().toArray(String[]::new), width);
        StringBuilder rule = new StringBuilder();
        for (int i = 0; i < n; i++) {
            rule.append(i == 0 ? "" : "-+-").append("-".repeat(width[i]));
        }
        out.println(rule);
        for (String[] c : cells) {
            printRow(out, c, width);
        }
        out.printf("(%,d row%s%s)%n", r.rows().size(), r.rows().size() == 1 ? "" : "s", r.truncated() ? ", more not shown" : "");
    }

    private static void printRow(PrintWriter out, String[] c, int[] width) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < c.length; i++) {
            String v = c[i].length() > 60 ? c[i].substring(0, 59) + "…" : c[i];
            sb.append(i == 0 ? "" : " | ").append(v).append(" ".repeat(Math.max(0, width[i] - v.length())));
        }
        out.println(sb.toString().stripTrailing());
    }

    static void csv(QueryResult r, PrintWriter out) {
        out.print(csvLine(r.columns()));
        for (List<Object> row : r.rows()) {
            out.print(csvLine(row));
        }
    }

    private static String csvLine(List<?> values) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            Object v = values.get(i);
            if (v == null) {
                continue;
            }
            String s = String.valueOf(v);
            if (s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
                sb.append('"').append(s.replace("\"", "\"\"")).append('"');
            } else {
                sb.append(s);
            }
        }
        return sb.append("\r\n").toString();
    }

    static void json(QueryResult r, PrintWriter out) {
        ObjectMapper mapper = new ObjectMapper();
        try {
            JsonGenerator g = mapper.getFactory().createGenerator(out);
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            g.writeStartArray();
            for (List<Object> row : r.rows()) {
                g.writeStartObject();
                for (int i = 0; i < r.columns().size(); i++) {
                    g.writeFieldName(r.columns().get(i));
                    Object v = row.get(i);
                    if (v == null || v instanceof Number || v instanceof Boolean) {
                        mapper.writeValue(g, v);
                    } else {
                        g.writeString(String.valueOf(v));
                    }
                }
                g.writeEndObject();
            }
            g.writeEndArray();
            g.flush();
            out.println();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
