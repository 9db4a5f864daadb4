package encore.warehouse;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * SQL kept as resources under {@code encore/sql/}, loaded by name. A script is split into
 * statements at a semicolon that ends a line. Identifiers in templates come only from the fixed
 * set the caller passes, and must look like identifiers.
 */
public final class Sql {

    private static final Map<String, List<String>> CACHE = new ConcurrentHashMap<>();
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*|\"[A-Za-z_][A-Za-z0-9_]*\"");

    private Sql() {
    }

    /** The statements of {@code encore/sql/<name>.sql}, e.g. {@code warehouse/schema}. */
    public static List<String> script(String name) {
        return CACHE.computeIfAbsent(name, n -> split(load(n)));
    }

    /** The single statement of a script. */
    public static String statement(String name) {
        List<String> statements = script(name);
        if (statements.size() != 1) {
            throw new IllegalStateException(name + " holds " + statements.size() + " statements, expected 1");
        }
        return statements.get(0);
    }

    /** A one-statement template with {@code {placeholder}} identifiers filled in. */
    public static String template(String name, Map<String, String> identifiers) {
        String sql = statement(name);
        for (Map.Entry<String, String> e : identifiers.entrySet()) {
            if (!IDENTIFIER.matcher(e.getValue()).matches()) {
                throw new IllegalArgumentException("not an identifier: " + e.getValue());
            }
            sql = sql.replace("{" + e.getKey() + "}", e.getValue());
        }
        if (sql.matches("(?s).*\\{[a-z]+}.*")) {
            throw new IllegalArgumentException("unfilled placeholder in " + name);
        }
        return sql;
    }

    /**
     * A one-statement template with {@code {placeholder}} identifiers and {@code [placeholder]}
     * values filled in: a value is a number (written as is) or text (written as a quoted SQL string
     * literal, e.g. a file path that DuckDB's COPY and read_parquet take only as a literal).
     */
    public static String template(String name, Map<String, String> identifiers, Map<String, Object> values) {
        String sql = template(name, identifiers);
        for (Map.Entry<String, Object> e : values.entrySet()) {
            sql = sql.replace("[" + e.getKey() + "]", literal(e.getValue()));
        }
        if (sql.matches("(?s).*\\[[a-z_]+].*")) {
            throw new IllegalArgumentException("unfilled value in " + name);
        }
        return sql;
    }

    /** An SQL literal: a number as is, anything else as a quoted string. */
    public static String literal(Object value) {
        if (value instanceof Integer || value instanceof Long) {
            return value.toString();
        }
        return "'" + value.toString().replace("'", "''") + "'";
    }

    static String load(String name) {
        String path = "/encore/sql/" + name + ".sql";
        try (InputStream in = Sql.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("no SQL resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> split(String text) {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            String trimmed = line.strip();
            if (trimmed.startsWith("--") && current.toString().isBlank()) {
                continue;
            }
            current.append(line).append('\n');
            if (trimmed.endsWith(";")) {
                String st = current.toString().strip();
                statements.add(st.substring(0, st.length() - 1));
                current.setLength(0);
            }
        }
        if (!current.toString().isBlank()) {
            statements.add(current.toString().strip());
        }
        return List.copyOf(statements);
    }
}
