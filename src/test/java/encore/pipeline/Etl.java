package encore.pipeline;

import encore.source.SourceLocation;
import encore.source.SourceLocator;
import encore.task.Cancellation;
import encore.task.ProgressListener;
import encore.warehouse.Warehouse;
import encore.warehouse.WarehouseSettings;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Small helpers for running the real ETL in tests and reading tables back. */
public final class Etl {

    private Etl() {
    }

    public static EtlSummary load(Path root, Path db) {
        return load(SourceLocator.fromRoot(root), db);
    }

    public static EtlSummary load(SourceLocation location, Path db) {
        return new EtlJob(ProgressListener.NONE, new Cancellation(), WarehouseSettings.defaults()).run(location, db);
    }

    /** All rows of a query as lists of strings, for comparing whole tables. */
    public static List<List<String>> rows(Path db, String sql) {
        try (Warehouse w = Warehouse.openReadOnly(db, WarehouseSettings.defaults())) {
            return rows(w.connection(), sql);
        }
    }

    /** All rows of a query on {@code c} as lists of strings. */
    public static List<List<String>> rows(Connection c, String sql) {
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            List<List<String>> out = new ArrayList<>();
            while (rs.next()) {
                List<String> row = new ArrayList<>(n);
                for (int i = 1; i <= n; i++) {
                    row.add(rs.getString(i));
                }
                out.add(row);
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static long count(Path db, String sql) {
        return Long.parseLong(rows(db, sql).get(0).get(0));
    }

    /** Every star table in a fixed order, for "identical tables" comparisons. */
    public static List<List<List<String>>> starTables(Path db) {
        return List.of(
            rows(db, "SELECT * FROM songs ORDER BY song_id"),
            rows(db, "SELECT * FROM artists ORDER BY artist_id"),
            rows(db, "SELECT * FROM users ORDER BY user_id"),
            rows(db, "SELECT * FROM \"time\" ORDER BY start_time"),
            rows(db, "SELECT * FROM songplays ORDER BY songplay_id"));
    }
}
