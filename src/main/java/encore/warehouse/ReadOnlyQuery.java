package encore.warehouse;

import encore.task.EncoreException;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Runs one query on a warehouse opened read-only: nothing it runs can change the file. */
public final class ReadOnlyQuery {

    private ReadOnlyQuery() {
    }

    public static QueryResult run(Path db, WarehouseSettings settings, String sql, long maxRows) {
        try (Warehouse w = Warehouse.openReadOnly(db, settings)) {
            return run(w, sql, maxRows);
        }
    }

    public static QueryResult run(Warehouse w, String sql, long maxRows) {
        try (Statement st = w.connection().createStatement()) {
            if (!st.execute(sql)) {
                return new QueryResult(List.of("rows changed"), List.of("BIGINT"), List.of(List.of(st.getUpdateCount())), false);
            }
            try (ResultSet rs = st.getResultSet()) {
                ResultSetMetaData md = rs.getMetaData();
                int n = md.getColumnCount();
                List<String> columns = new ArrayList<>(n);
                List<String> types = new ArrayList<>(n);
                for (int i = 1; i <= n; i++) {
                    columns.add(md.getColumnLabel(i));
                    types.add(md.getColumnTypeName(i));
                }
                List<List<Object>> rows = new ArrayList<>();
                boolean truncated = false;
                while (rs.next()) {
                    if (maxRows > 0 && rows.size() >= maxRows) {
                        truncated = true;
                        break;
                    }
                    List<Object> row = new ArrayList<>(n);
                    for (int i = 1; i <= n; i++) {
                        row.add(rs.getObject(i));
                    }
                    rows.add(row);
                }
                return new QueryResult(columns, types, rows, truncated);
            }
        } catch (SQLException e) {
            String full = e.getMessage() == null ? "" : e.getMessage();
            String msg = Warehouse.firstLine(full);
            if (full.contains("read-only") || full.contains("read only") || full.contains("external access")
                || full.contains("disabled by configuration")) {
                throw new EncoreException("The query tried to change the warehouse or reach outside it: " + msg,
                    "encore query only reads the warehouse: no writes, no other files, no downloads", e);
            }
            throw new EncoreException("Query failed: " + msg, "check the SQL; `encore query --db FILE \"SHOW TABLES\"` lists the tables", e);
        }
    }
}
