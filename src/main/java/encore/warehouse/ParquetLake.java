package encore.warehouse;

import encore.task.EncoreException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * Opens a Parquet lake folder (as {@code encore export} writes it) as a read-only warehouse: an
 * in-memory DuckDB whose star tables are views over the lake's files, so the SQL console, the
 * schema browser and the dashboard work on it unchanged. DuckDB may read only inside the lake
 * folder (allowed directories, external access off, configuration locked), no download, and
 * only SELECT statements run (see {@link SelectOnlyConnection}).
 */
final class ParquetLake {

    /** The file that marks a folder as a finished lake. */
    static final String MANIFEST = "_manifest.json";

    private ParquetLake() {
    }

    static boolean isLake(Path folder) {
        return Files.isDirectory(folder) && Files.isRegularFile(folder.resolve(MANIFEST));
    }

    static Connection connect(Path folder, WarehouseSettings settings) {
        if (!isLake(folder)) {
            throw new EncoreException("Not a lake: " + folder + " has no " + MANIFEST,
                "open a folder written by `encore export`, or a .duckdb warehouse file");
        }
        Path root = folder.toAbsolutePath().normalize();
        Properties props = new Properties();
        props.setProperty("autoinstall_known_extensions", "false");
        props.setProperty("autoload_known_extensions", "false");
        props.setProperty("allowed_directories", "[" + Sql.literal(root.toString()) + "]");
        props.setProperty("enable_external_access", "false");
        props.setProperty("lock_configuration", "true");
        props.setProperty("memory_limit", settings.duckdbMemoryLimit());
        if (settings.threads() > 0) {
            props.setProperty("threads", Integer.toString(settings.threads()));
        }
        Connection raw = null;
        try {
            raw = DriverManager.getConnection("jdbc:duckdb:", props);
            try (Statement st = raw.createStatement()) {
                for (String table : Warehouse.STAR_TABLES) {
                    Path dir = root.resolve(table);
                    if (holdsParquet(dir)) {
                        String files = dir + ("users".equals(table) || "artists".equals(table) ? "/*.parquet" : "/**/*.parquet");
                        st.execute(Sql.template("lake/view_" + table, Map.of(), Map.of("files", files)));
                    }
                }
            }
            return SelectOnlyConnection.wrap(raw);
        } catch (SQLException e) {
            closeQuietly(raw);
            throw new EncoreException("Cannot open the lake " + folder + ": " + Warehouse.firstLine(e.getMessage()),
                "check that the folder is a complete lake written by `encore export`", e);
        }
    }

    private static boolean holdsParquet(Path dir) {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.anyMatch(p -> p.getFileName().toString().endsWith(".parquet"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void closeQuietly(Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // already failing
            }
        }
    }
}
