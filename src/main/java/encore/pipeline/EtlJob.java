package encore.pipeline;

import encore.source.LogFile;
import encore.source.LogFileReader;
import encore.source.Rejection;
import encore.source.SongFileReader;
import encore.source.SourceInventory;
import encore.source.SourceLocation;
import encore.source.SourceScanner;
import encore.task.Cancellation;
import encore.task.CancelledException;
import encore.storage.Folders;
import encore.task.EncoreException;
import encore.task.Futures;
import encore.task.Progress;
import encore.task.ProgressListener;
import encore.warehouse.CheckResult;
import encore.warehouse.DashboardMarts;
import encore.warehouse.QualityChecks;
import encore.warehouse.Staging;
import encore.warehouse.StarSchema;
import encore.warehouse.Warehouse;
import encore.warehouse.WarehouseSettings;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The main job: scan the input, stage it, build the star schema, then run the checks. Everything
 * up to the star schema and the run's record commits whole (the run "lands") or not at all, so a
 * run that fails or is cancelled before it lands leaves the warehouse exactly as it was. The
 * checks after it only read and report (a check that cannot run fails); a cancel then only skips
 * the dashboard marts' refresh.
 */
public final class EtlJob {

    private static final Logger LOG = LoggerFactory.getLogger(EtlJob.class);
    private static final int SONG_CHUNK = 512;
    /**
     * Canonical log files are staged in one statement, up to about this many bytes (or files) of
     * them: larger inputs go in batches of this size, the readers checking and copying the next
     * batch while DuckDB loads one (each batch's copies are deleted once it is loaded). One
     * statement is the fastest: DuckDB compresses a single INSERT's rows as it writes them, while
     * the rows of later INSERTs into the same table are compressed by the next checkpoint
     * (measured at 3M events: one statement 3.0-3.4 s and a 4 ms checkpoint; five statements
     * 2.9 s and a 2.2 s checkpoint; in whole loads 256 MB batches gave a median 1.17x the naive
     * floor over six rounds, one statement 1.03x).
     */
    private static final long LOG_BATCH_BYTES = 4L << 30;
    private static final int LOG_BATCH_FILES = 50_000;

    private final ProgressListener progress;
    private final Cancellation cancel;
    private final WarehouseSettings settings;
    private final int parallelism;
    private boolean fullCollections = true;
    private boolean marts = true;
    private long logBatchBytes = LOG_BATCH_BYTES;

    public EtlJob(ProgressListener progress, Cancellation cancel, WarehouseSettings settings) {
        this.progress = progress;
        this.cancel = cancel;
        this.settings = settings;
        this.parallelism = settings.threads() > 0 ? settings.threads() : Math.max(1, Runtime.getRuntime().availableProcessors());
    }

    /**
     * For a desktop app: no full collections between steps. A full collection stops every thread
     * of the JVM, the UI thread too (measured: 50-60 ms pauses); the app instead lets the collector
     * give unused heap back concurrently.
     */
    public EtlJob withoutFullCollections() {
        fullCollections = false;
        return this;
    }

    /**
     * Leaves the dashboard marts as they are after the load (they are a cache: the dashboard reads
     * songplays while they are stale); by default a load refreshes them once it has committed.
     */
    public EtlJob withoutMarts() {
        marts = false;
        return this;
    }

    /** Stages canonical log files in batches of about this many bytes (tests use small ones). */
    EtlJob withLogBatchBytes(long bytes) {
        logBatchBytes = bytes;
        return this;
    }

    public EtlSummary run(SourceLocation location, Path database) {
        long started = System.currentTimeMillis();
        Warehouse.checkCanHold(database);
        Warehouse.preloadEngine(); // while the input is scanned
        Map<String, Long> stepMillis = new LinkedHashMap<>();
        long t = System.nanoTime();
        SourceInventory inventory = new SourceScanner(progress, cancel, parallelism).scan(location);
        int songFiles = inventory.songFiles().size();
        t = lap(stepMillis, "scan", t);
        cancel.check();
        WorkFolder workFolder = WorkFolder.create();
        Path work = workFolder.path();
        ExecutorService pool = Executors.newFixedThreadPool(parallelism, r -> {
            // a thread inherits its creator's OS priority: in the app (a bulk task) the readers run low too
            Thread th = new Thread(r, "encore-reader");
            th.setDaemon(true);
            return th;
        });
        LogChecks logChecks = null;
        // a warehouse this run creates is removed again if the run does not land: as it was = absent
        boolean existed = Files.exists(database);
        boolean landed = false;
        long opening = System.nanoTime();
        try (Warehouse warehouse = Warehouse.openForWrite(database, settings)) {
            LOG.info("Opened {} for writing in {} ms ({} ms since the JVM started)", database, (System.nanoTime() - opening) / 1_000_000,
                java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime());
            // the log files are checked (and their tagged copies written) by the same readers, queued
            // before the song files: the readers never idle while the song records are written out
            logChecks = new LogChecks(inventory.logFiles(), pool, work);
            logChecks.fill();
            Connection conn = warehouse.connection();
            conn.setAutoCommit(false);
            boolean staged = false;
            try {
                Counts counts = new Counts();
                try (Staging staging = new Staging(warehouse)) {
                    staging.reset();
                    loadSongs(inventory, staging, pool, work, counts);
                    t = lap(stepMillis, "songs", t);
                    // the song paths (a million files: ~250 MB of heap) are not needed any more
                    inventory = new SourceInventory(inventory.location(), List.of(), inventory.songBytes(),
                        inventory.logFiles(), inventory.logBytes());
                    returnHeapToSystem();
                    loadLogs(inventory, logChecks, staging, counts);
                    counts.stagedSongs = staging.songRows();
                    counts.stagedEvents = staging.eventRows();
                }
                cancel.check();
                // The staged input is committed on its own (the previous load's staging is set
                // aside meanwhile): DuckDB builds the star schema from committed tables about
                // twice as fast as from rows of the same transaction.
                long commitStart = System.nanoTime();
                conn.commit();
                staged = true;
                LOG.info("Committed the staged input in {} ms", (System.nanoTime() - commitStart) / 1_000_000);
                t = lap(stepMillis, "events", t);
                returnHeapToSystem();
                long newPlays = new StarSchema(warehouse).build(progress, cancel);
                t = lap(stepMillis, "star", t);
                Map<String, Long> tables = warehouse.tableCounts();
                long matched = warehouse.count("SELECT count(*) FROM songplays WHERE song_id IS NOT NULL");
                long runId = warehouse.count("SELECT coalesce(max(run_id), 0) + 1 FROM etl_runs");
                EtlSummary summary = new EtlSummary(runId, database.toString(), location.toString(),
                    songFiles, inventory.logFiles().size(),
                    inventory.songBytes() + inventory.logBytes(), counts.stagedSongs, counts.stagedEvents,
                    counts.rejectedSongs, counts.rejectedEvents, newPlays, matched, tables, List.of(),
                    stepMillis, System.currentTimeMillis() - started);
                recordRun(conn, summary, started);
                warehouse.dropPreviousStaging();
                cancel.check();
                commitStart = System.nanoTime();
                conn.commit();
                LOG.info("Committed run {} in {} ms", summary.runId(), (System.nanoTime() - commitStart) / 1_000_000);
                landed = true;
                conn.setAutoCommit(true);
                // The load has landed; the checks read what it committed (DuckDB scans committed
                // tables faster than a transaction's own new rows: the 18 checks took 0.49-0.58 s
                // after the commit against 0.82-0.92 s before it, at 2.3M plays). They only read:
                // from here on a cancel leaves the load landed, and its run's checks_passed is
                // recorded once they are done.
                progress.onProgress(Progress.note("checks", "Running data-quality checks"));
                List<CheckResult> checks = new QualityChecks(warehouse).run();
                t = lap(stepMillis, "checks", t);
                for (CheckResult c : checks) {
                    if (!c.passed()) {
                        progress.onProgress(Progress.warn("checks", c.describe()));
                    }
                }
                summary = summary.withChecks(checks, stepMillis, System.currentTimeMillis() - started);
                recordChecks(conn, summary);
                if (marts) {
                    // the load has landed: from here on a cancel only leaves the marts stale
                    new DashboardMarts(warehouse).refresh(progress, cancel);
                    lap(stepMillis, "marts", t);
                    summary = summary.withSteps(stepMillis, System.currentTimeMillis() - started);
                }
                return summary;
            } catch (RuntimeException | SQLException | Error e) {
                if (landed) {
                    // the load is in the warehouse; what failed came after it (nothing to undo)
                    if (e instanceof SQLException sql) {
                        throw new EncoreException("The load landed, but the work after it failed: "
                            + Warehouse.firstLine(sql.getMessage()), "the loaded data is in the warehouse; see the log for details", sql);
                    }
                    throw e;
                }
                rollback(conn);
                if (staged) {
                    restoreStaging(warehouse, conn, e);
                }
                if (cancel.isCancelled()) {
                    progress.onProgress(Progress.warn("etl", "Cancelled: the warehouse is as it was before the run"));
                    throw new CancelledException();
                }
                if (e instanceof SQLException sql) {
                    throw new EncoreException("Load failed: " + Warehouse.firstLine(sql.getMessage()),
                        failureHint(sql), sql);
                }
                throw e;
            }
        } catch (SQLException e) {
            throw new EncoreException("Load failed: " + Warehouse.firstLine(e.getMessage()), "see the log for details", e);
        } finally {
            if (logChecks != null) {
                logChecks.close();
            }
            pool.shutdownNow();
            workFolder.close();
            if (!landed && !existed) {
                removeCreatedWarehouse(database);
            }
        }
    }

    private String failureHint(SQLException e) {
        String msg = e.getMessage() == null ? "" : e.getMessage();
        if (msg.contains("Out of Memory")) {
            return "DuckDB needed more than its memory limit of " + settings.memoryLimit()
                + ": raise the limit (encore etl --memory-limit, e.g. 2GB) and run again; nothing was changed in the warehouse";
        }
        return "nothing was changed in the warehouse; see the log for details";
    }

    /** The files of a warehouse this run created and did not land (never a folder, never anything else). */
    private static void removeCreatedWarehouse(Path database) {
        for (Path p : List.of(database, Path.of(database + ".wal"))) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException e) {
                LOG.warn("Could not remove {} after the failed load", p, e);
            }
        }
    }

    private static final class Counts {
        long stagedSongs;
        long stagedEvents;
        long rejectedSongs;
        long rejectedEvents;
    }

    private void loadSongs(SourceInventory inventory, Staging staging, ExecutorService pool, Path work, Counts counts)
        throws SQLException {
        List<Path> files = inventory.songFiles();
        if (files.isEmpty()) {
            return;
        }
        SongFileReader reader = new SongFileReader();
        List<List<Path>> chunks = new ArrayList<>();
        for (int i = 0; i < files.size(); i += SONG_CHUNK) {
            chunks.add(files.subList(i, Math.min(files.size(), i + SONG_CHUNK)));
        }
        long done = 0;
        long reading = System.nanoTime();
        progress.onProgress(Progress.info("songs", 0, files.size(), "files", "Reading song files"));
        // the readers write each chunk's records as JSON lines; DuckDB loads them all at the end
        Path lines = work.resolve("songs.json");
        Window<SongChunk> window = new Window<>(pool, parallelism * 4);
        int next = 0;
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(lines), 1 << 20)) {
            while (next < chunks.size() || !window.isEmpty()) {
                while (next < chunks.size() && !window.isFull()) {
                    List<Path> chunk = chunks.get(next++);
                    window.submit(() -> {
                        ByteArrayOutputStream staged = new ByteArrayOutputStream(chunk.size() * 400);
                        List<Rejection> rejections = new ArrayList<>(0);
                        for (Path file : chunk) {
                            rejections.addAll(reader.readInto(file, staged));
                        }
                        return new SongChunk(chunk.size(), rejections, staged.toByteArray());
                    });
                }
                cancel.check();
                SongChunk chunk = window.takeFirst();
                out.write(chunk.lines());
                if (!chunk.rejections().isEmpty()) {
                    staging.addRejections(chunk.rejections());
                    counts.rejectedSongs += chunk.rejections().size();
                    warnFirst(chunk.rejections(), counts.rejectedSongs, "songs");
                }
                done += chunk.files();
                progress.onProgress(Progress.info("songs", done, files.size(), "files",
                    String.format("Read %,d of %,d song files", done, files.size())));
            }
        } catch (IOException e) {
            throw new EncoreException("Cannot write the song records to " + lines + ": " + e.getMessage(),
                "free some space in " + work.getParent() + " or set java.io.tmpdir", e);
        } finally {
            window.abandon();
        }
        LOG.info("Read {} song files in {} ms", files.size(), (System.nanoTime() - reading) / 1_000_000);
        long loading = System.nanoTime();
        long rows = staging.stageSongLines(lines, cancel);
        LOG.info("Staged {} songs with DuckDB in {} ms", rows, (System.nanoTime() - loading) / 1_000_000);
        Folders.deleteQuietly(lines);
    }

    /** A chunk of song files read: how many, their rejections, and their songs as staged lines. */
    private record SongChunk(int files, List<Rejection> rejections, byte[] lines) {
    }

    /**
     * A log file after its worker looked at it: its check, and the tagged copy DuckDB loads when
     * the file is canonical (null otherwise: the file is parsed in Java; {@code copyProblem} says
     * why a canonical file has no copy).
     */
    private record LogWork(LogFile file, LogFileReader.Check check, Path copy, String copyProblem) {
    }

    /**
     * The log files' checks, run ahead on their own threads (up to a batch's worth of files), each
     * writing the file's tagged copy into a temporary folder of this load.
     */
    private final class LogChecks implements AutoCloseable {
        final List<LogFile> files;
        final LogFileReader reader = new LogFileReader();
        final Window<LogWork> window;
        final Path copies;
        int next;

        LogChecks(List<LogFile> files, ExecutorService pool, Path work) {
            this.files = files;
            // checked ahead of DuckDB's reading by at most one batch
            this.window = new Window<>(pool, LOG_BATCH_FILES, logBatchBytes);
            this.copies = work;
        }

        /** Submits checks until the window is full. */
        void fill() {
            if (files.isEmpty()) {
                return;
            }
            while (next < files.size() && !window.isFull()) {
                LogFile file = files.get(next++);
                int number = next;
                Path copy = copies.resolve("log-" + number + ".json");
                window.submit(() -> checkAndTag(reader, file, number, copy), file.bytes());
            }
        }

        boolean done() {
            return next >= files.size() && window.isEmpty();
        }

        @Override
        public void close() {
            window.abandon();
        }
    }

    private void loadLogs(SourceInventory inventory, LogChecks checks, Staging staging, Counts counts)
        throws SQLException {
        List<LogFile> files = inventory.logFiles();
        if (files.isEmpty()) {
            return;
        }
        long totalBytes = inventory.logBytes();
        long stepStart = System.nanoTime();
        LogFileReader reader = checks.reader;
        Window<LogWork> window = checks.window;
        List<Path> sources = files.stream().map(LogFile::path).toList();
        long bytesDone = 0;
        int filesDone = 0;
        long events = 0;
        progress.onProgress(Progress.info("events", 0, totalBytes, "bytes", "Reading log files"));
        List<Path> batch = new ArrayList<>();
        long batchBytes = 0;
        while (!checks.done()) {
            checks.fill();
            cancel.check();
            LogWork work = window.takeFirst();
            if (!work.check().unknownFields().isEmpty()) {
                progress.onProgress(Progress.warn("events", work.file().path().getFileName()
                    + ": fields not in the schema were ignored: " + work.check().unknownFields()));
            }
            if (work.copyProblem() != null) {
                progress.onProgress(Progress.warn("events", work.copyProblem()));
            }
            if (work.copy() != null) {
                batch.add(work.copy());
                batchBytes += work.file().bytes();
            } else {
                LogFileReader.Result parsed = read(reader, work.file().path());
                for (var e : parsed.events()) {
                    staging.addEvent(e);
                }
                events += parsed.events().size();
                List<Rejection> rejections = parsed.rejections();
                staging.addRejections(rejections);
                counts.rejectedEvents += rejections.size();
                warnFirst(rejections, counts.rejectedEvents, "events");
            }
            boolean last = checks.done();
            if (!batch.isEmpty() && (batchBytes >= logBatchBytes || batch.size() >= LOG_BATCH_FILES || last)) {
                long loading = batchBytes;
                String what = String.format("Loading %,d checked log files with DuckDB", batch.size());
                progress.onProgress(Progress.info("events", 0, loading, "bytes", what));
                long stageStart = System.nanoTime();
                long rows = staging.stageTaggedLogFiles(batch, sources, cancel, fraction ->
                    progress.onProgress(Progress.info("events", Math.round(fraction * loading), loading, "bytes", what)));
                events += rows;
                LOG.info("Staged {} events from {} checked log files with DuckDB in {} ms ({} ms since the step began)",
                    rows, batch.size(), (System.nanoTime() - stageStart) / 1_000_000, (System.nanoTime() - stepStart) / 1_000_000);
                batch.forEach(Folders::deleteQuietly);
                batch.clear();
                batchBytes = 0;
            }
            bytesDone += work.file().bytes();
            filesDone++;
            progress.onProgress(Progress.info("events", bytesDone, totalBytes, "bytes",
                String.format("Read %,d of %,d log files, %,d events staged", filesDone, files.size(), events)));
        }
    }

    /** Runs on a reader thread: checks one log file and keeps its tagged copy if it is canonical. */
    private static LogWork checkAndTag(LogFileReader reader, LogFile file, int number, Path copy) throws IOException {
        LogFileReader.Check check;
        try {
            check = reader.checkAndTag(file.path(), number, copy);
        } catch (IOException e) {
            Folders.deleteQuietly(copy);
            // reading the file itself fails here too (and then says so); otherwise the copy was the problem
            check = reader.check(file.path());
            String problem = check.canonical() ? file.path().getFileName() + ": could not write its staging copy to "
                + copy.getParent() + " (" + e.getMessage() + "); it is read in Java instead, more slowly" : null;
            return new LogWork(file, check, null, problem);
        }
        if (!check.canonical()) {
            Folders.deleteQuietly(copy);
            return new LogWork(file, check, null, null);
        }
        return new LogWork(file, check, copy, null);
    }

    private static LogFileReader.Result read(LogFileReader reader, Path file) {
        try {
            return reader.read(file);
        } catch (IOException e) {
            throw new EncoreException("Reading " + file + " failed: " + e.getMessage(), "check the file's permissions", e);
        }
    }

    /**
     * Reading files fills the JVM heap with short-lived records, and the JVM keeps the heap it
     * grew (up to -Xmx) even when it is garbage. Between the Java-heavy stages and DuckDB's
     * memory-heavy ones a full collection gives the unused heap back to the operating system, so
     * that JVM plus DuckDB (at its memory limit) stay within the load's memory bound.
     */
    private void returnHeapToSystem() {
        if (fullCollections) {
            System.gc();
        }
    }

    private void warnFirst(List<Rejection> rejections, long soFar, String step) {
        long before = soFar - rejections.size();
        for (int i = 0; i < rejections.size() && before + i < 5; i++) {
            progress.onProgress(Progress.warn(step, "Rejected " + rejections.get(i)));
        }
        if (before < 5 && soFar >= 5) {
            progress.onProgress(Progress.warn(step, "More rejected records are in the rejected_records table"));
        }
    }

    /**
     * Records a landed run's check outcome and finishing time in its etl_runs row. The run has
     * landed whatever happens here: if the row cannot be updated, a warning says so and its
     * checks_passed stays NULL.
     */
    private void recordChecks(Connection conn, EtlSummary s) {
        try (PreparedStatement ps = conn.prepareStatement(encore.warehouse.Sql.statement("warehouse/record_checks"))) {
            ps.setBoolean(1, s.checksPassed());
            ps.setTimestamp(2, Timestamp.from(Instant.now()));
            ps.setLong(3, s.runId());
            ps.executeUpdate();
        } catch (SQLException | RuntimeException e) {
            LOG.warn("Could not record the checks of run {}", s.runId(), e);
            progress.onProgress(Progress.warn("checks", "Run " + s.runId() + " landed, but its checks could not be recorded in etl_runs ("
                + Warehouse.firstLine(e.getMessage()) + "): its checks_passed stays empty"));
        }
    }

    private void recordRun(Connection conn, EtlSummary s, long started) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement(encore.warehouse.Sql.statement("warehouse/record_run"))) {
            ps.setLong(1, s.runId());
            ps.setTimestamp(2, Timestamp.from(Instant.ofEpochMilli(started)));
            ps.setTimestamp(3, Timestamp.from(Instant.now()));
            ps.setLong(4, s.songFiles());
            ps.setLong(5, s.logFiles());
            ps.setLong(6, s.stagedSongs());
            ps.setLong(7, s.stagedEvents());
            ps.setLong(8, s.rejected());
            ps.setLong(9, s.newSongplays());
            ps.executeUpdate();
        }
    }

    /** Puts the previous load's staging tables back after a failure past the staging commit. */
    private static void restoreStaging(Warehouse warehouse, Connection conn, Throwable failure) {
        try {
            conn.setAutoCommit(true);
            warehouse.restorePreviousStaging();
        } catch (SQLException | RuntimeException e) {
            failure.addSuppressed(e);
            LOG.warn("Could not put the previous staging tables back (the next write does it)", e);
        }
    }

    private static void rollback(Connection conn) {
        try {
            conn.rollback();
        } catch (SQLException e) {
            LOG.warn("Rollback failed", e);
        }
    }

    private static long lap(Map<String, Long> steps, String step, long since) {
        long now = System.nanoTime();
        steps.put(step, (now - since) / 1_000_000);
        return now;
    }

    /**
     * A bounded, ordered window of background tasks: results are taken in submission order. It is
     * full at {@code size} tasks, or when the tasks' weights (bytes, say) reach {@code maxWeight}.
     */
    private static final class Window<T> {
        private final ExecutorService pool;
        private final int size;
        private final long maxWeight;
        private final Deque<Future<T>> futures = new ArrayDeque<>();
        private final Deque<Long> weights = new ArrayDeque<>();
        private long weight;

        Window(ExecutorService pool, int size) {
            this(pool, size, Long.MAX_VALUE);
        }

        Window(ExecutorService pool, int size, long maxWeight) {
            this.pool = pool;
            this.size = size;
            this.maxWeight = maxWeight;
        }

        interface Work<T> {
            T call() throws IOException;
        }

        void submit(Work<T> work) {
            submit(work, 0);
        }

        void submit(Work<T> work, long w) {
            futures.add(pool.submit(() -> work.call()));
            weights.add(w);
            weight += w;
        }

        boolean isFull() {
            return futures.size() >= size || weight >= maxWeight;
        }

        boolean isEmpty() {
            return futures.isEmpty();
        }

        T takeFirst() {
            Future<T> f = futures.removeFirst();
            weight -= weights.removeFirst();
            return Futures.await(f, cause ->
                new EncoreException("Reading input failed: " + cause.getMessage(), "check the file's permissions", cause));
        }

        /** Drops the tasks not started yet and waits for the running ones, whatever their outcome. */
        void abandon() {
            futures.forEach(f -> f.cancel(false));
            for (Future<T> f : futures) {
                try {
                    if (!f.isCancelled()) {
                        f.get();
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                } catch (ExecutionException | java.util.concurrent.CancellationException e) {
                    // abandoned: its outcome does not matter any more
                }
            }
            futures.clear();
            weights.clear();
            weight = 0;
        }
    }

}
