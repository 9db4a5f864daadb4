package encore.lake;

import encore.pipeline.Etl;
import encore.task.Cancellation;
import encore.task.ProgressListener;
import encore.warehouse.WarehouseSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Test helpers: export a lake, read it with a plain DuckDB, list its files. */
final class Lakes {

    private Lakes() {
    }

    static LakeSummary export(Path db, Path lake, LakeLayout layout, PublishMode mode, LakeCompression compression) {
        return new LakeExport(ProgressListener.NONE, new Cancellation(), WarehouseSettings.defaults())
            .run(db, new LocalLakeDestination(lake), new LakeOptions(layout, mode, compression));
    }

    /** Rows of a query on a plain in-memory DuckDB (no Encore code between), as strings. */
    static List<List<String>> duck(String sql) {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:")) {
            return Etl.rows(c, sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** Every file below {@code root} (relative, '/'-separated) with its size and modification time. */
    static Map<String, List<Long>> snapshot(Path root) {
        try (Stream<Path> s = Files.walk(root)) {
            Map<String, List<Long>> out = new TreeMap<>();
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                out.put(root.relativize(p).toString().replace('\\', '/'),
                    List.of(Files.size(p), Files.getLastModifiedTime(p).toMillis()));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Folders directly below {@code dir}. */
    static List<String> folders(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Files directly below {@code dir}. */
    static List<String> files(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(Files::isRegularFile).map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Entries of {@code parent} whose names start with "." (an export's working folders). */
    static List<String> hidden(Path parent) {
        try (Stream<Path> s = Files.list(parent)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
