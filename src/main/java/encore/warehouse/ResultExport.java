package encore.warehouse;

import encore.task.EncoreException;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Locale;

/** Writes a query's whole result to a CSV or Parquet file with DuckDB's COPY. */
public final class ResultExport {

    public enum Format { CSV, PARQUET }

    private ResultExport() {
    }

    /** Returns the rows written. */
    public static long export(Warehouse w, PagedQuery query, Path file, Format format) {
        String options = format == Format.CSV ? "FORMAT csv, HEADER true" : "FORMAT parquet, COMPRESSION snappy";
        // COPY takes its file name as a literal: quote it as one (it comes from a file chooser).
        String literal = "'" + file.toAbsolutePath().toString().replace("'", "''") + "'";
        String sql = "COPY (" + query.sql() + "\n) TO " + literal + " (" + options + ")";
        try (PreparedStatement ps = w.connection().prepareStatement(sql)) {
            for (int i = 0; i < query.params().size(); i++) {
                ps.setObject(i + 1, query.params().get(i));
            }
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new EncoreException("Export to " + file + " failed: " + Warehouse.firstLine(e.getMessage()),
                "check that the folder exists and you can write to it", e);
        }
    }

    public static Format formatOf(Path file) {
        return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".parquet") ? Format.PARQUET : Format.CSV;
    }
}
