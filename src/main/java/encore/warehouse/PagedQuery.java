package encore.warehouse;

import encore.task.Cancellation;
import encore.task.EncoreException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * One page of a query's rows at a time, so a grid over ten million rows never holds more than a
 * page. The query is the user's own SQL (the console) or a fixed query with bound parameters
 * (a drill-down); it is wrapped as a sub-query, never edited.
 */
public final class PagedQuery {

    private final String sql;
    private final List<Object> params;

    public PagedQuery(String sql, List<Object> params) {
        String trimmed = sql.strip();
        while (trimmed.endsWith(";")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1).strip();
        }
        this.sql = trimmed;
        this.params = List.copyOf(params);
    }

    public static PagedQuery of(String sql) {
        return new PagedQuery(sql, List.of());
    }

    public String sql() {
        return sql;
    }

    public List<Object> params() {
        return params;
    }

    public long count(Warehouse w) {
        return count(w, new Cancellation());
    }

    /**
     * The number of rows; {@code cancel} interrupts the running statement. The query is first
     * prepared on its own, so that an error names a position in the user's own text (not in the
     * counting query around it) and a statement that is not a query says so.
     */
    public long count(Warehouse w, Cancellation cancel) {
        check(w);
        try (PreparedStatement ps = w.connection().prepareStatement("SELECT count(*) FROM (" + sql + "\n)");
             Cancellation.Registration hook = Warehouse.cancelling(ps, cancel)) {
            bind(ps, 0);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            cancel.check();
            throw error(e);
        }
    }

    /**
     * Checks the query on its own, without running it: one SELECT statement, parsed, bound and
     * planned; errors name positions in the user's own text, not in a query around it.
     */
    public void check(Warehouse w) {
        try {
            checkOneQuery(w, sql);
            w.connection().prepareStatement(sql).close();
        } catch (SQLException e) {
            throw error(e);
        }
    }

    /** Refuses text that is not one SELECT statement (DuckDB's other errors are left to the prepare, which names positions). */
    private static void checkOneQuery(Warehouse w, String sql) throws SQLException {
        try (PreparedStatement ps = w.connection().prepareStatement(Sql.statement("warehouse/parse_sql"))) {
            ps.setString(1, sql);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                String message = rs.getString(2);
                if (rs.getBoolean(1) && message != null && message.startsWith("Only SELECT")) {
                    throw new QueryException("Not a query: the console runs only SELECT statements (and WITH, SHOW, DESCRIBE, "
                        + "SUMMARIZE); the warehouse is opened read-only", null);
                }
                long statements = rs.getLong(3);
                if (statements > 1) {
                    throw new QueryException("The text holds " + statements + " statements (separated by ';'): the console runs one "
                        + "query at a time", null);
                }
            }
        }
    }

    public QueryResult page(Warehouse w, long offset, int size) {
        return page(w, offset, size, new Cancellation());
    }

    /** Rows {@code offset} to {@code offset + size} of the query; {@code cancel} interrupts the running statement. */
    public QueryResult page(Warehouse w, long offset, int size, Cancellation cancel) {
        try (PreparedStatement ps = w.connection().prepareStatement("SELECT * FROM (" + sql + "\n) LIMIT ? OFFSET ?");
             Cancellation.Registration hook = Warehouse.cancelling(ps, cancel)) {
            int n = bind(ps, 0);
            ps.setLong(n + 1, size);
            ps.setLong(n + 2, offset);
            try (ResultSet rs = ps.executeQuery()) {
                return QueryResult.read(rs, 0);
            }
        } catch (SQLException e) {
            cancel.check();
            throw error(e);
        }
    }

    private int bind(PreparedStatement ps, int from) throws SQLException {
        for (int i = 0; i < params.size(); i++) {
            ps.setObject(from + i + 1, params.get(i));
        }
        return from + params.size();
    }

    /**
     * The query with its parameters written in as SQL literals: text the console can run as it is
     * (a drill-down's query shown in the console), where {@link #sql()} has {@code ?} placeholders.
     */
    public String displaySql() {
        StringBuilder out = new StringBuilder(sql.length() + 16 * params.size());
        int next = 0;
        char quote = 0;
        for (int i = 0; i < sql.length(); i++) {
            char c = sql.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
                out.append(c);
            } else if (c == '\'' || c == '"') {
                quote = c;
                out.append(c);
            } else if (c == '?' && next < params.size()) {
                out.append(literal(params.get(next++)));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    static String literal(Object value) {
        if (value == null) {
            return "NULL";
        }
        if (value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        if (value instanceof java.time.LocalDate || value instanceof java.sql.Date) {
            return "DATE '" + value + "'";
        }
        if (value instanceof java.time.LocalDateTime || value instanceof java.sql.Timestamp) {
            return "TIMESTAMP '" + value.toString().replace('T', ' ') + "'";
        }
        return "'" + String.valueOf(value).replace("'", "''") + "'";
    }

    /** A query error with DuckDB's position marker kept (the "LINE n: … ^" lines). */
    static EncoreException error(SQLException e) {
        String full = e.getMessage() == null ? "" : e.getMessage();
        String first = Warehouse.firstLine(full);
        int line = full.indexOf("LINE ");
        String where = line >= 0 ? "\n" + full.substring(line).strip() : "";
        return new QueryException(first + where, e);
    }

    /** A query the user wrote failed; the message names the position where DuckDB gives one. */
    public static final class QueryException extends EncoreException {
        QueryException(String message, Throwable cause) {
            super(message, "check the SQL", cause);
        }
    }
}
