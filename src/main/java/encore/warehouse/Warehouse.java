package encore.warehouse;

import encore.task.Cancellation;
import encore.task.EncoreException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * An Encore warehouse: one DuckDB file. Opened for writing only while writing (DuckDB allows one
 * writer per file), read-only otherwise, so other tools can read it meanwhile. DuckDB never tries
 * to download an extension: json and parquet are built in, and autoloading is off.
 */
public final class Warehouse implements AutoCloseable {

    /** The star schema's tables, in load order. */
    public static final List<String> STAR_TABLES = List.of("songs", "artists", "users", "time", "songplays");
    public static final List<String> STAGING_TABLES = List.of("staging_songs", "staging_events", "rejected_records");

    /**
     * Within this process, readers of a file wait while it is being written and a writer waits
     * for its readers: DuckDB refuses a read-write and a read-only connection to one file at once.
     */
    private static final Map<Path, ReentrantReadWriteLock> LOCKS = new ConcurrentHashMap<>();

    private final Path file;
    private final Connection connection;
    private final boolean readOnly;
    private final Lock lock;

    private Warehouse(Path file, Connection connection, boolean readOnly, Lock lock) {
        this.file = file;
        this.connection = connection;
        this.readOnly = readOnly;
        this.lock = lock;
    }

    private static Lock lockFor(Path file, boolean readOnly) {
        ReentrantReadWriteLock rw = LOCKS.computeIfAbsent(file.toAbsolutePath().normalize(), k -> new ReentrantReadWriteLock());
        Lock lock = readOnly ? rw.readLock() : rw.writeLock();
        lock.lock();
        return lock;
    }

    /**
     * Makes {@code cancel} interrupt {@code statement} while it runs, until the returned
     * registration is closed (use it in the same try-with-resources as the statement).
     */
    public static Cancellation.Registration cancelling(java.sql.Statement statement, Cancellation cancel) {
        return cancel.onCancel(() -> {
            try {
                statement.cancel();
            } catch (SQLException ignored) {
                // finished meanwhile
            }
        });
    }

    /**
     * Starts loading DuckDB's native library on a background thread (DuckDB's driver unpacks its
     * 60 MB library to a temporary file and loads it on the first connection: 0.3-0.4 s here), so
     * that a caller with other work first (a load scanning its input) finds it ready.
     */
    public static void preloadEngine() {
        Thread t = new Thread(() -> {
            try {
                Class.forName("org.duckdb.DuckDBNative", true, Warehouse.class.getClassLoader());
            } catch (ClassNotFoundException | LinkageError e) {
                // the first connection fails then too, with this as the cause
            }
        }, "encore-engine-preload");
        t.setDaemon(true);
        t.start();
    }

    /**
     * Fails at once, before any work, when {@code file} is there but cannot be a warehouse: a
     * folder, or a file without DuckDB's header ("DUCK" after the first 8 bytes). A file that is
     * not there is fine: a load creates it.
     */
    public static void checkCanHold(Path file) {
        if (!Files.exists(file)) {
            return;
        }
        String what = Files.isDirectory(file) ? "a folder" : null;
        if (what == null) {
            byte[] head = new byte[12];
            int n = 0;
            try (var in = Files.newInputStream(file)) {
                n = in.readNBytes(head, 0, head.length);
            } catch (IOException e) {
                throw new EncoreException("Cannot read warehouse " + file + ": " + e.getMessage(),
                    "check the file's permissions", e);
            }
            if (n < head.length || head[8] != 'D' || head[9] != 'U' || head[10] != 'C' || head[11] != 'K') {
                what = "not a DuckDB database";
            }
        }
        if (what != null) {
            throw new EncoreException("Warehouse " + file + " is " + what,
                "give the name of a new file (it is created) or of an existing .duckdb warehouse");
        }
    }

    /** Opens (creating if needed) a warehouse for writing and makes sure its schema exists. */
    public static Warehouse openForWrite(Path file, WarehouseSettings settings) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
        } catch (IOException e) {
            throw new EncoreException("Cannot create the folder for " + file + ": " + e.getMessage(),
                "choose a warehouse file in a folder you can write to", e);
        }
        Lock lock = lockFor(file, false);
        try {
            Warehouse w = new Warehouse(file, connect(file, false, true, settings), false, lock);
            w.execute(Sql.script("warehouse/schema"));
            w.dropKeyIndexes();
            w.restoreInterruptedStaging();
            return w;
        } catch (RuntimeException e) {
            lock.unlock();
            throw e;
        }
    }

    /**
     * Sets the previous load's staging tables aside and creates empty ones, in the current
     * transaction (see staging_set_aside.sql).
     */
    public void setAsideStaging() {
        execute(Sql.script("warehouse/staging_set_aside"));
        execute(Sql.script("warehouse/schema"));
    }

    /** The load succeeded: drops the previous load's staging tables, in the current transaction. */
    public void dropPreviousStaging() {
        execute(Sql.script("warehouse/staging_drop_previous"));
    }

    /**
     * A load that committed its staged input failed or was cancelled: puts the previous load's
     * staging tables back, in a transaction of its own. The connection must be in auto-commit
     * mode.
     */
    public void restorePreviousStaging() {
        if (count(Sql.statement("warehouse/staging_previous_count")) == 3) {
            putPreviousStagingBack();
        }
    }

    private void putPreviousStagingBack() {
        inOwnTransaction("Restoring the previous staging tables failed",
            () -> execute(Sql.script("warehouse/staging_restore_previous")));
    }

    /** A load was killed after staging its input: its star schema never landed, so its staging goes too. */
    private void restoreInterruptedStaging() {
        if (count(Sql.statement("warehouse/staging_previous_count")) == 3) {
            org.slf4j.LoggerFactory.getLogger(Warehouse.class).warn(
                "{}: an interrupted load left its staged input; the previous load's staging tables are put back", file);
            putPreviousStagingBack();
        }
    }

    /**
     * Rebuilds songplays, "time", songs and artists without the PRIMARY KEY / UNIQUE constraints
     * that warehouses made by earlier versions declare (see schema.sql for why they are gone), in
     * one transaction; only the tables that still have one are copied.
     */
    private void dropKeyIndexes() {
        List<String> keyed = new ArrayList<>();
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery(Sql.statement("warehouse/indexed_key_tables"))) {
            while (rs.next()) {
                keyed.add(rs.getString(1));
            }
        } catch (SQLException e) {
            throw new WarehouseException("SQL failed: " + firstLine(e.getMessage()), e);
        }
        if (keyed.isEmpty()) {
            return;
        }
        org.slf4j.LoggerFactory.getLogger(Warehouse.class).info("{}: rebuilding {} without their key indexes", file, keyed);
        inOwnTransaction("Upgrading the warehouse failed", () -> {
            for (String table : keyed) {
                execute(List.of(Sql.template("warehouse/migrate_keyed_table_before", movedAside(table))));
            }
            execute(Sql.script("warehouse/schema"));
            for (String table : keyed) {
                execute(List.of(Sql.template("warehouse/migrate_keyed_table_after", movedAside(table)),
                    Sql.template("warehouse/drop_table", movedAside(table))));
            }
        });
    }

    private static Map<String, String> movedAside(String table) {
        if (!STAR_TABLES.contains(table)) {
            throw new IllegalArgumentException("not a star table: " + table);
        }
        return Map.of("table", quoted(table), "old", table + "_indexed");
    }

    /** Work on the connection that commits whole or not at all. */
    @FunctionalInterface
    private interface Changes {
        void apply() throws SQLException;
    }

    /**
     * Runs {@code changes} in a transaction of their own and commits them; on any failure rolls
     * back and throws a WarehouseException that starts with {@code failure}. The connection must
     * be in auto-commit mode, and is again afterwards.
     */
    private void inOwnTransaction(String failure, Changes changes) {
        try {
            connection.setAutoCommit(false);
            try {
                changes.apply();
                connection.commit();
            } catch (RuntimeException | SQLException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new WarehouseException(failure + ": " + firstLine(e.getMessage()), e);
        }
    }

    /**
     * Opens an existing warehouse read-only, with DuckDB's access to other files and the network
     * switched off: a query run here can read the warehouse and nothing else, and write nothing.
     * {@code file} may also be a lake folder written by {@code encore export}: its star tables are
     * then views over its Parquet files, readable only inside the folder, and only SELECTs run.
     */
    public static Warehouse openReadOnly(Path file, WarehouseSettings settings) {
        return openExisting(file, settings, false);
    }

    /**
     * Opens an existing warehouse read-only, but allowed to write files elsewhere (exports). Holds
     * the warehouse exclusively within this process while open.
     */
    public static Warehouse openForExport(Path file, WarehouseSettings settings) {
        return openExisting(file, settings, true);
    }

    private static Warehouse openExisting(Path file, WarehouseSettings settings, boolean externalAccess) {
        if (Files.isDirectory(file)) {
            // a lake folder: read-only views over its Parquet files (exports from it go through the grid)
            Lock lock = lockFor(file, true);
            try {
                return new Warehouse(file, ParquetLake.connect(file, settings), true, lock);
            } catch (RuntimeException e) {
                lock.unlock();
                throw e;
            }
        }
        if (!Files.isRegularFile(file)) {
            throw new EncoreException("Warehouse not found: " + file, "run `encore etl` first, or give the right --db file");
        }
        Lock lock = lockFor(file, !externalAccess);
        try {
            return new Warehouse(file, connect(file, true, externalAccess, settings), true, lock);
        } catch (RuntimeException e) {
            lock.unlock();
            throw e;
        }
    }

    /** The storage format of the warehouses Encore creates. */
    public static final String STORAGE_VERSION = "v1.3.0";

    private static Connection connect(Path file, boolean readOnly, boolean externalAccess, WarehouseSettings settings) {
        Properties props = new Properties();
        props.setProperty("autoinstall_known_extensions", "false");
        props.setProperty("autoload_known_extensions", "false");
        if (readOnly) {
            props.setProperty("duckdb.read_only", "true");
        }
        if (!externalAccess) {
            // set when the database opens: it cannot be switched back on while it is open
            props.setProperty("enable_external_access", "false");
        }
        props.setProperty("memory_limit", settings.duckdbMemoryLimit());
        // A warehouse this opens for the first time is written in DuckDB 1.3's storage format (an
        // existing one keeps its format): its string compression costs about a third less CPU
        // than the default, older format's (measured: 3M events into a table in 2.9-3.0 s instead of 4.0-4.7 s),
        // and DuckDB 1.3 or later (2025) reads it.
        props.setProperty("storage_compatibility_version", STORAGE_VERSION);
        if (settings.threads() > 0) {
            props.setProperty("threads", Integer.toString(settings.threads()));
        }
        if (settings.tempDirectory() != null) {
            props.setProperty("temp_directory", settings.tempDirectory().toString());
        }
        try {
            return DriverManager.getConnection("jdbc:duckdb:" + file.toAbsolutePath(), props);
        } catch (SQLException e) {
            String msg = e.getMessage() == null ? "" : e.getMessage();
            if (msg.contains("lock")) {
                throw new EncoreException("Warehouse " + file + " is open for writing by another program",
                    "close the other program (or wait for its load to finish) and try again", e);
            }
            throw new EncoreException("Cannot open warehouse " + file + ": " + firstLine(msg),
                "check that the file is a DuckDB database you can " + (readOnly ? "read" : "write"), e);
        }
    }

    public Path file() {
        return file;
    }

    public boolean isReadOnly() {
        return readOnly;
    }

    public Connection connection() {
        return connection;
    }

    public void execute(List<String> statements) {
        try (Statement st = connection.createStatement()) {
            for (String sql : statements) {
                st.execute(sql);
            }
        } catch (SQLException e) {
            throw new WarehouseException("SQL failed: " + firstLine(e.getMessage()), e);
        }
    }

    public long count(String sql) {
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new WarehouseException("SQL failed: " + firstLine(e.getMessage()), e);
        }
    }

    /** Whether {@code path} is a lake folder (opened by {@link #openReadOnly} as views over its files). */
    public static boolean isLake(Path path) {
        return ParquetLake.isLake(path);
    }

    /** Row counts of the star and staging tables, in a fixed order. */
    public Map<String, Long> tableCounts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : STAR_TABLES) {
            counts.put(table, count(Sql.template("warehouse/count_rows", Map.of("table", quoted(table)))));
        }
        for (String table : STAGING_TABLES) {
            counts.put(table, count(Sql.template("warehouse/count_rows", Map.of("table", quoted(table)))));
        }
        return counts;
    }

    /** A table name from the fixed set, quoted when it is also an SQL keyword. */
    static String quoted(String table) {
        return "time".equals(table) ? "\"time\"" : table;
    }

    /**
     * The line of a DuckDB error message that says what went wrong. DuckDB's JDBC driver wraps
     * some errors in "Attempting to execute an unsuccessful or closed pending query result", with
     * the real cause on a later "Error: " line.
     */
    public static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        String[] lines = message.split("\n");
        if (lines[0].contains("pending query result")) {
            for (String line : lines) {
                if (line.startsWith("Error: ")) {
                    return line.substring("Error: ".length());
                }
            }
        }
        return lines[0];
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw new WarehouseException("Cannot close " + file + ": " + e.getMessage(), e);
        } finally {
            lock.unlock();
        }
    }
}
