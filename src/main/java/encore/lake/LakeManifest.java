package encore.lake;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import encore.task.EncoreException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code _manifest.json} at the root of a lake: every file with its table, partition, rows and
 * bytes, and per-table totals. Written into the finished lake before it is published; a lake
 * without it is not complete. Paths are relative to the lake root, with '/' separators.
 *
 * @param format      always {@value #FORMAT}
 * @param version     the manifest format version
 * @param createdAt   when the export finished (UTC, ISO-8601)
 * @param source      the warehouse the lake was exported from
 * @param layout      the songs layout
 * @param compression the Parquet codec of this run's files
 * @param tables      per-table totals, in export order
 * @param files       every data file
 */
public record LakeManifest(String format, int version, String createdAt, String source, LakeLayout layout,
                           LakeCompression compression, List<Table> tables, List<DataFile> files) {

    public static final String FORMAT = "encore-lake";
    public static final String FILE_NAME = "_manifest.json";
    /** Written last: its presence says the lake is complete (the convention Spark and Hadoop use). */
    public static final String SUCCESS = "_SUCCESS";

    private static final ObjectMapper JSON = new ObjectMapper()
        .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    /** One table's totals. {@code partitionBy} is empty for an unpartitioned table. */
    public record Table(String name, List<String> partitionBy, long partitions, long files, long rows, long bytes) {
    }

    /**
     * One Parquet file. {@code partition} is its folder below the table, e.g. {@code year=2018/month=11},
     * or empty for an unpartitioned table.
     */
    public record DataFile(String path, String table, String partition, long rows, long bytes) {
    }

    /** A manifest over {@code files}, with the totals computed from them. */
    static LakeManifest of(String createdAt, String source, LakeLayout layout, LakeCompression compression,
                           List<DataFile> files) {
        List<Table> tables = new ArrayList<>();
        for (String name : LakeTables.ORDER) {
            Set<String> partitions = new LinkedHashSet<>();
            long n = 0;
            long rows = 0;
            long bytes = 0;
            for (DataFile f : files) {
                if (f.table().equals(name)) {
                    partitions.add(f.partition());
                    n++;
                    rows += f.rows();
                    bytes += f.bytes();
                }
            }
            tables.add(new Table(name, LakeTables.partitionBy(name, layout), partitions.size(), n, rows, bytes));
        }
        return new LakeManifest(FORMAT, 1, createdAt, source, layout, compression, List.copyOf(tables), List.copyOf(files));
    }

    /** The same lake with {@code files} instead of this one's files. */
    LakeManifest withFiles(List<DataFile> newFiles) {
        return of(createdAt, source, layout, compression, newFiles);
    }

    public Table table(String name) {
        return tables.stream().filter(t -> t.name().equals(name)).findFirst()
            .orElseThrow(() -> new IllegalArgumentException("no table " + name));
    }

    public long partitions() {
        return tables.stream().mapToLong(Table::partitions).sum();
    }

    public long fileCount() {
        return files.size();
    }

    public long rows() {
        return tables.stream().mapToLong(Table::rows).sum();
    }

    public long bytes() {
        return tables.stream().mapToLong(Table::bytes).sum();
    }

    /** The table/partition keys this manifest holds files for, e.g. {@code songplays/year=2018/month=11}. */
    Set<String> partitionKeys() {
        Set<String> keys = new LinkedHashSet<>();
        for (DataFile f : files) {
            keys.add(f.table() + "/" + f.partition());
        }
        return keys;
    }

    /**
     * The files of this (older) lake that a partitions-mode publish of {@code newer} keeps: those of
     * partitioned tables in partitions {@code newer} does not hold.
     */
    List<DataFile> keptBy(LakeManifest newer) {
        Set<String> replaced = newer.partitionKeys();
        return files.stream()
            .filter(f -> !LakeTables.partitionBy(f.table(), layout).isEmpty())
            .filter(f -> !replaced.contains(f.table() + "/" + f.partition()))
            .toList();
    }

    Map<String, Long> rowsPerTable() {
        Map<String, Long> rows = new LinkedHashMap<>();
        for (Table t : tables) {
            rows.put(t.name(), t.rows());
        }
        return rows;
    }

    public void write(Path lakeRoot) {
        try {
            JSON.writerWithDefaultPrettyPrinter().writeValue(lakeRoot.resolve(FILE_NAME).toFile(), this);
        } catch (IOException e) {
            throw new EncoreException("Cannot write the lake manifest in " + lakeRoot + ": " + e.getMessage(),
                "check the free disk space and that you can write to the folder", e);
        }
    }

    /** The manifest of the lake at {@code lakeRoot}, or null when there is none. */
    public static LakeManifest read(Path lakeRoot) {
        Path file = lakeRoot.resolve(FILE_NAME);
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try {
            return parse(Files.readAllBytes(file), file.toString());
        } catch (IOException e) {
            throw unreadable(file.toString(), e);
        }
    }

    /** Parses a manifest's bytes; {@code where} names it in errors. */
    static LakeManifest parse(byte[] json, String where) {
        try {
            LakeManifest m = JSON.readValue(json, LakeManifest.class);
            if (!FORMAT.equals(m.format()) || m.files() == null) {
                throw new IOException("not an Encore lake manifest");
            }
            return m;
        } catch (IOException e) {
            throw unreadable(where, e);
        }
    }

    private static EncoreException unreadable(String where, IOException e) {
        return new EncoreException("Cannot read the lake manifest " + where + ": " + e.getMessage(),
            "export with --mode overwrite to write the lake anew", e);
    }
}
