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

    /** The number of rows; {@code cancel} interrupts the running statement. */
    public long count(Warehouse w, Cancellation cancel) {
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

    public QueryResult page(Warehouse w, long offset, int size) {
        try (PreparedStatement ps = w.connection().prepareStatement("SELECT * FROM (" + sql + "\n) LIMIT ? OFFSET ?")) {
            int n = bind(ps, 0);
            ps.setLong(n + 1, size);
            ps.setLong(n + 2, offset);
            try (ResultSet rs = ps.executeQuery()) {
                return QueryResult.read(rs, 0);
            }
        } catch (SQLException e) {
            throw error(e);
        }
    }

    private int bind(PreparedStatement ps, int from) throws SQLException {
        for (int i = 0; i < params.size(); i++) {
            ps.setObject(from + i + 1, params.get(i));
        }
        return from + params.size();
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
