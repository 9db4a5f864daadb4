package encore.warehouse;

import encore.task.EncoreException;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
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
                return QueryResult.read(rs, maxRows);
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
