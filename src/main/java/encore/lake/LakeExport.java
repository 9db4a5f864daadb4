package encore.lake;

import encore.storage.Folders;
import encore.task.Cancellation;
import encore.task.CancelledException;
import encore.task.EncoreException;
import encore.task.Progress;
import encore.task.ProgressListener;
import encore.warehouse.Sql;
import encore.warehouse.Warehouse;
import encore.warehouse.WarehouseSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Exports a warehouse's star schema to a partitioned Parquet lake: the whole lake (data files,
 * {@code _manifest.json}, {@code _SUCCESS} last) is written into a staging folder, checked
 * against the warehouse's row counts, and only then handed to the destination to publish. A
 * failed or cancelled export deletes its staging folder and leaves the previous lake as it was.
 * The warehouse is opened read-only, so other programs can read it meanwhile.
 */
public final class LakeExport {

    private static final Logger LOG = LoggerFactory.getLogger(LakeExport.class);
    /** Partitions per classic songs statement; the writer keeps this many files open at most. */
    static final int CLASSIC_CHUNK = 500;
    /** The desktop app asks before writing more partitions than this. */
    public static final long MANY_PARTITIONS = 10_000;

    private final ProgressListener progress;
    private final Cancellation cancel;
    private final WarehouseSettings settings;

    public LakeExport(ProgressListener progress, Cancellation cancel, WarehouseSettings settings) {
        this.progress = progress;
        this.cancel = cancel;
        this.settings = settings;
    }

    /** The number of songs partitions the classic layout writes: one per (year, artist_id). */
    public static long classicPartitions(Path warehouse, WarehouseSettings settings) {
        try (Warehouse w = Warehouse.openReadOnly(warehouse, settings)) {
            return w.count(Sql.statement("lake/count_classic_partitions"));
        }
    }

    public LakeSummary run(Path warehouse, LakeDestination destination, LakeOptions options) {
        long started = System.currentTimeMillis();
        if (Warehouse.isLake(warehouse)) {
            throw new EncoreException(warehouse + " is a lake, not a warehouse", "export from a .duckdb warehouse file");
        }
        try (Warehouse w = Warehouse.openForExport(warehouse, settings)) {
            Path staging = destination.newStagingFolder(options);
            try {
                LakeManifest written = write(w, staging, options);
                cancel.check();
                LakeManifest published = destination.publish(staging, written, options.mode(), progress, cancel);
                long elapsed = System.currentTimeMillis() - started;
                progress.onProgress(Progress.info("publish", 1, 1, "lakes", String.format(
                    "Published %s: %,d partitions, %,d files, %,d rows", destination.describe(),
                    published.partitions(), published.fileCount(), published.rows())));
                return new LakeSummary(destination.describe(), warehouse.toString(), options, published.tables(),
                    published.partitions(), published.fileCount(), published.rows(), published.bytes(),
                    written.fileCount(), elapsed);
            } catch (RuntimeException | Error e) {
                if (cancel.isCancelled()) {
                    progress.onProgress(Progress.warn("lake", "Cancelled: the lake at " + destination.describe() + " is as it was"));
                    throw new CancelledException();
                }
                throw e;
            } finally {
                Folders.deleteQuietly(staging);
            }
        }
    }

    private LakeManifest write(Warehouse w, Path staging, LakeOptions options) {
        Map<String, Long> expected = new LinkedHashMap<>();
        for (String table : LakeTables.ORDER) {
            expected.put(table, w.count(Sql.template("warehouse/count_rows", LakeTables.identifiers(table))));
        }
        configure(w, "lake/settings_bulk");
        List<LakeManifest.DataFile> files = new ArrayList<>();
        int i = 0;
        for (String table : LakeTables.ORDER) {
            cancel.check();
            progress.onProgress(Progress.info("lake", i, LakeTables.ORDER.size(), "tables",
                String.format("Writing %s (%,d rows)", table, expected.get(table))));
            Path dir = staging.resolve(table);
            createFolder(dir);
            List<LakeManifest.DataFile> tableFiles = switch (table) {
                case "users", "artists" -> copy(w, staging, table, "lake/export_" + table, dir.resolve("data_0.parquet"), options, Map.of());
                case "songs" -> options.layout() == LakeLayout.CLASSIC ? classicSongs(w, staging, dir, options)
                    : compactSongs(w, staging, dir, options);
                default -> copy(w, staging, table, "lake/export_" + table, dir, options, Map.of());
            };
            long rows = tableFiles.stream().mapToLong(LakeManifest.DataFile::rows).sum();
            if (rows != expected.get(table)) {
                throw new EncoreException(String.format("The lake's %s has %,d rows, the warehouse %,d", table, rows, expected.get(table)),
                    "nothing was published; export again, and report this if it repeats");
            }
            files.addAll(tableFiles);
            i++;
            long partitions = tableFiles.stream().map(LakeManifest.DataFile::partition).distinct().count();
            long bytes = tableFiles.stream().mapToLong(LakeManifest.DataFile::bytes).sum();
            progress.onProgress(Progress.info("lake", i, LakeTables.ORDER.size(), "tables", String.format(
                "%s: %,d partitions, %,d files, %,d rows, %,d bytes", table, partitions, tableFiles.size(), rows, bytes)));
        }
        LakeManifest manifest = LakeManifest.of(Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(),
            w.file().toAbsolutePath().toString(), options.layout(), options.compression(), files);
        manifest.write(staging);
        try {
            Files.createFile(staging.resolve(LakeManifest.SUCCESS));
        } catch (IOException e) {
            throw new EncoreException("Cannot write " + LakeManifest.SUCCESS + " in " + staging + ": " + e.getMessage(),
                "check the free disk space", e);
        }
        return manifest;
    }

    private List<LakeManifest.DataFile> compactSongs(Warehouse w, Path staging, Path dir, LakeOptions options) {
        // the file order is the query's order only with insertion order preserved
        configure(w, "lake/settings_ordered");
        try {
            return copy(w, staging, "songs", "lake/export_songs_compact", dir, options, Map.of());
        } finally {
            configure(w, "lake/settings_bulk");
        }
    }

    /**
     * Classic songs, in chunks of whole artists of about {@link #CLASSIC_CHUNK} partitions: no
     * chunk has more partitions than the writer keeps files open, so each partition is one file
     * and memory stays bounded however many partitions there are.
     */
    private List<LakeManifest.DataFile> classicSongs(Warehouse w, Path staging, Path dir, LakeOptions options) {
        w.execute(List.of(Sql.template("lake/song_chunks", Map.of(), Map.of("size", (long) CLASSIC_CHUNK))));
        long chunks = w.count(Sql.statement("lake/song_chunk_count"));
        List<LakeManifest.DataFile> files = new ArrayList<>();
        try {
            for (long chunk = 0; chunk < chunks; chunk++) {
                cancel.check();
                files.addAll(copy(w, staging, "songs", "lake/export_songs_classic", dir, options, Map.of("chunk", chunk)));
                progress.onProgress(Progress.info("songs", chunk + 1, chunks, "chunks", String.format(
                    "Classic songs layout: %,d of %,d chunks, %,d partitions written", chunk + 1, chunks, files.size())));
            }
        } finally {
            w.execute(Sql.script("lake/song_chunks_drop"));
        }
        return files;
    }

    /** Runs one COPY of {@code script} to {@code path}; its returned statistics become manifest entries. */
    private List<LakeManifest.DataFile> copy(Warehouse w, Path staging, String table, String script, Path path,
                                             LakeOptions options, Map<String, Object> values) {
        Map<String, Object> all = new LinkedHashMap<>(values);
        all.put("path", path.toString());
        String sql = Sql.template(script, Map.of("compression", options.compression().sqlName()), all);
        List<LakeManifest.DataFile> files = new ArrayList<>();
        try (Statement st = w.connection().createStatement();
             Cancellation.Registration hook = Warehouse.cancelling(st, cancel);
             ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                Path file = Path.of(rs.getString("filename"));
                String relative = staging.relativize(file).toString().replace('\\', '/');
                String partition = staging.resolve(table).relativize(file.getParent()).toString().replace('\\', '/');
                files.add(new LakeManifest.DataFile(relative, table, partition, rs.getLong("count"), rs.getLong("file_size_bytes")));
            }
        } catch (SQLException e) {
            cancel.check();
            throw new EncoreException("Writing " + table + " to the lake failed: " + Warehouse.firstLine(e.getMessage()),
                "nothing was published; check the free disk space and the memory limit", e);
        }
        return files;
    }

    private static void configure(Warehouse w, String script) {
        w.execute(Sql.script(script));
    }

    private static void createFolder(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new EncoreException("Cannot create " + dir + ": " + e.getMessage(), "check the disk and permissions", e);
        }
    }

}
