package encore.pipeline;

import encore.source.LogFile;
import encore.source.LogFileReader;
import encore.source.Rejection;
import encore.source.SongFileReader;
import encore.source.SongRecord;
import encore.source.SourceInventory;
import encore.source.SourceLocation;
import encore.source.SourceScanner;
import encore.task.Cancellation;
import encore.task.CancelledException;
import encore.task.EncoreException;
import encore.task.Progress;
import encore.task.ProgressListener;
import encore.warehouse.CheckResult;
import encore.warehouse.QualityChecks;
import encore.warehouse.Staging;
import encore.warehouse.StarSchema;
import encore.warehouse.Warehouse;
import encore.warehouse.WarehouseSettings;
import java.io.IOException;
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
 * The main job: scan the input, stage it, build the star schema, run the checks — all in one
 * transaction, so a failed or cancelled run leaves the warehouse exactly as it was.
 */
public final class EtlJob {

    private static final Logger LOG = LoggerFactory.getLogger(EtlJob.class);
    private static final int SONG_CHUNK = 512;
    /** Canonical log files are staged in batches of about this many bytes (or files). */
    private static final long LOG_BATCH_BYTES = 256L << 20;
    private static final int LOG_BATCH_FILES = 256;

    private final ProgressListener progress;
    private final Cancellation cancel;
    private final WarehouseSettings settings;
    private final int parallelism;
    private boolean fullCollections = true;

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

    public EtlSummary run(SourceLocation location, Path database) {
        long started = System.currentTimeMillis();
        Map<String, Long> stepMillis = new LinkedHashMap<>();
        long t = System.nanoTime();
        SourceInventory inventory = new SourceScanner(progress, cancel).scan(location);
        int songFiles = inventory.songFiles().size();
        t = lap(stepMillis, "scan", t);
        cancel.check();
        ExecutorService pool = Executors.newFixedThreadPool(parallelism, r -> {
            Thread th = new Thread(r, "encore-reader");
            th.setDaemon(true);
            return th;
        });
        try (Warehouse warehouse = Warehouse.openForWrite(database, settings)) {
            Connection conn = warehouse.connection();
            conn.setAutoCommit(false);
            try {
                Counts counts = new Counts();
                try (Staging staging = new Staging(warehouse)) {
                    staging.reset();
                    loadSongs(inventory, staging, pool, counts);
                    t = lap(stepMillis, "songs", t);
                    // the song paths (a million files: ~250 MB of heap) are not needed any more
                    inventory = new SourceInventory(inventory.location(), List.of(), inventory.songBytes(),
                        inventory.logFiles(), inventory.logBytes());
                    returnHeapToSystem();
                    loadLogs(inventory, staging, pool, counts);
                    t = lap(stepMillis, "events", t);
                    counts.stagedSongs = staging.songRows();
                    counts.stagedEvents = staging.eventRows();
                }
                returnHeapToSystem();
                long newPlays = new StarSchema(warehouse).build(progress, cancel);
                t = lap(stepMillis, "star", t);
                cancel.check();
                progress.onProgress(Progress.note("checks", "Running data-quality checks"));
                List<CheckResult> checks = new QualityChecks(warehouse).run();
                t = lap(stepMillis, "checks", t);
                for (CheckResult c : checks) {
                    if (!c.passed()) {
                        progress.onProgress(Progress.warn("checks", c.describe()));
                    }
                }
                Map<String, Long> tables = warehouse.tableCounts();
                long matched = warehouse.count("SELECT count(*) FROM songplays WHERE song_id IS NOT NULL");
                long runId = warehouse.count("SELECT coalesce(max(run_id), 0) + 1 FROM etl_runs");
                long elapsed = System.currentTimeMillis() - started;
                EtlSummary summary = new EtlSummary(runId, database.toString(), location.toString(),
                    songFiles, inventory.logFiles().size(),
                    inventory.songBytes() + inventory.logBytes(), counts.stagedSongs, counts.stagedEvents,
                    counts.rejectedSongs, counts.rejectedEvents, newPlays, matched, tables, checks,
                    stepMillis, elapsed);
                recordRun(conn, summary, started);
                cancel.check();
                conn.commit();
                return summary;
            } catch (RuntimeException | SQLException | Error e) {
                rollback(conn);
                if (cancel.isCancelled()) {
                    progress.onProgress(Progress.warn("etl", "Cancelled: the warehouse is as it was before the run"));
                    throw new CancelledException();
                }
                if (e instanceof SQLException sql) {
                    throw new EncoreException("Load failed: " + Warehouse.firstLine(sql.getMessage()),
                        "nothing was changed in the warehouse; see the log for details", sql);
                }
                throw e;
            }
        } catch (SQLException e) {
            throw new EncoreException("Load failed: " + Warehouse.firstLine(e.getMessage()), "see the log for details", e);
        } finally {
            pool.shutdownNow();
        }
    }

    private static final class Counts {
        long stagedSongs;
        long stagedEvents;
        long rejectedSongs;
        long rejectedEvents;
    }

    private void loadSongs(SourceInventory inventory, Staging staging, ExecutorService pool, Counts counts)
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
        progress.onProgress(Progress.info("songs", 0, files.size(), "files", "Reading song files"));
        Window<List<SongFileReader.Result>> window = new Window<>(pool, parallelism * 4);
        int next = 0;
        while (next < chunks.size() || !window.isEmpty()) {
            while (next < chunks.size() && !window.isFull()) {
                List<Path> chunk = chunks.get(next++);
                window.submit(() -> chunk.stream().map(reader::read).toList());
            }
            cancel.check();
            List<SongFileReader.Result> results = window.takeFirst();
            for (SongFileReader.Result r : results) {
                for (SongRecord s : r.songs()) {
                    staging.addSong(s);
                }
                if (!r.rejections().isEmpty()) {
                    staging.addRejections(r.rejections());
                    counts.rejectedSongs += r.rejections().size();
                    warnFirst(r.rejections(), counts.rejectedSongs, "songs");
                }
            }
            done += results.size();
            progress.onProgress(Progress.info("songs", done, files.size(), "files",
                String.format("Read %,d of %,d song files", done, files.size())));
        }
    }

    /** A log file after its worker looked at it: canonical (DuckDB loads it) or parsed in Java. */
    private record LogWork(LogFile file, LogFileReader.Check check, LogFileReader.Result parsed) {
    }

    private void loadLogs(SourceInventory inventory, Staging staging, ExecutorService pool, Counts counts)
        throws SQLException {
        List<LogFile> files = inventory.logFiles();
        if (files.isEmpty()) {
            return;
        }
        LogFileReader reader = new LogFileReader();
        long totalBytes = inventory.logBytes();
        long bytesDone = 0;
        int filesDone = 0;
        long events = 0;
        progress.onProgress(Progress.info("events", 0, totalBytes, "bytes", "Reading log files"));
        Window<LogWork> window = new Window<>(pool, Math.max(2, parallelism));
        int next = 0;
        List<LogFile> batch = new ArrayList<>();
        long batchBytes = 0;
        while (next < files.size() || !window.isEmpty()) {
            while (next < files.size() && !window.isFull()) {
                LogFile file = files.get(next++);
                window.submit(() -> {
                    LogFileReader.Check check = reader.check(file.path());
                    return check.canonical() ? new LogWork(file, check, null) : new LogWork(file, check, reader.read(file.path()));
                });
            }
            cancel.check();
            LogWork work = window.takeFirst();
            if (!work.check().unknownFields().isEmpty()) {
                progress.onProgress(Progress.warn("events", work.file().path().getFileName()
                    + ": fields not in the schema were ignored: " + work.check().unknownFields()));
            }
            if (work.parsed() == null) {
                batch.add(work.file());
                batchBytes += work.file().bytes();
            } else {
                for (var e : work.parsed().events()) {
                    staging.addEvent(e);
                }
                events += work.parsed().events().size();
                List<Rejection> rejections = work.parsed().rejections();
                staging.addRejections(rejections);
                counts.rejectedEvents += rejections.size();
                warnFirst(rejections, counts.rejectedEvents, "events");
            }
            boolean last = next >= files.size() && window.isEmpty();
            if (!batch.isEmpty() && (batchBytes >= LOG_BATCH_BYTES || batch.size() >= LOG_BATCH_FILES || last)) {
                events += staging.stageCanonicalLogFiles(batch.stream().map(LogFile::path).toList(), cancel);
                batch.clear();
                batchBytes = 0;
            }
            bytesDone += work.file().bytes();
            filesDone++;
            progress.onProgress(Progress.info("events", bytesDone, totalBytes, "bytes",
                String.format("Read %,d of %,d log files, %,d events staged", filesDone, files.size(), events)));
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
            ps.setBoolean(10, s.checksPassed());
            ps.executeUpdate();
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

    /** A bounded, ordered window of background tasks: results are taken in submission order. */
    private static final class Window<T> {
        private final ExecutorService pool;
        private final int size;
        private final Deque<Future<T>> futures = new ArrayDeque<>();

        Window(ExecutorService pool, int size) {
            this.pool = pool;
            this.size = size;
        }

        interface Work<T> {
            T call() throws IOException;
        }

        void submit(Work<T> work) {
            futures.add(pool.submit(() -> work.call()));
        }

        boolean isFull() {
            return futures.size() >= size;
        }

        boolean isEmpty() {
            return futures.isEmpty();
        }

        T takeFirst() {
            Future<T> f = futures.removeFirst();
            try {
                return f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CancelledException();
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof RuntimeException re) {
                    throw re;
                }
                throw new EncoreException("Reading input failed: " + cause.getMessage(), "check the file's permissions", cause);
            }
        }
    }

}
