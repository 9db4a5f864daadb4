package encore.warehouse;

import encore.task.Cancellation;
import encore.source.EventRecord;
import encore.source.Rejection;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * Writes one load's input into the staging tables: records parsed in Java through DuckDB's
 * appender, canonical log files through DuckDB's own JSON reader. Not thread-safe: one loader
 * thread owns it.
 */
public final class Staging implements AutoCloseable {

    private final Warehouse warehouse;
    private DuckDBAppender events;
    private DuckDBAppender rejected;
    private long songRows;
    private long eventRows;
    private long rejectedRows;

    public Staging(Warehouse warehouse) {
        this.warehouse = warehouse;
    }

    /** Starts a load's staging: the previous load's tables are set aside, empty ones made. */
    public void reset() {
        warehouse.setAsideStaging();
    }

    public void addEvent(EventRecord e) throws SQLException {
        if (events == null) {
            events = appender("staging_events");
        }
        DuckDBAppender a = events;
        a.beginRow();
        a.append(e.artist());
        a.append(e.auth());
        a.append(e.firstName());
        a.append(e.gender());
        appendInt(a, e.itemInSession());
        a.append(e.lastName());
        appendDouble(a, e.length());
        a.append(e.level());
        a.append(e.location());
        a.append(e.method());
        a.append(e.page());
        appendLong(a, e.registration());
        appendLong(a, e.sessionId());
        a.append(e.song());
        appendInt(a, e.status());
        appendLong(a, e.ts());
        a.append(e.userAgent());
        a.append(e.userId());
        a.append(e.sourceFile());
        a.append(e.sourceLine());
        a.endRow();
        eventRows++;
    }

    public void addRejections(List<Rejection> rejections) throws SQLException {
        if (rejections.isEmpty()) {
            return;
        }
        if (rejected == null) {
            rejected = appender("rejected_records");
        }
        for (Rejection r : rejections) {
            rejected.beginRow();
            rejected.append(r.kind().label());
            rejected.append(r.sourceFile());
            appendInt(rejected, r.lineNumber());
            rejected.append(r.reason());
            rejected.append(r.rawText());
            rejected.endRow();
            rejectedRows++;
        }
    }

    /**
     * Loads tagged copies of log files that {@code LogFileReader.checkAndTag} found canonical with
     * DuckDB's JSON reader, in one statement, and returns the rows staged. {@code sources} are the
     * source paths by file number (1-based) as written into the copies.
     */
    public long stageTaggedLogFiles(List<Path> copies, List<Path> sources, Cancellation cancel,
                                    java.util.function.DoubleConsumer fractionDone) throws SQLException {
        flush();
        var conn = warehouse.connection();
        long rows;
        try (var st = conn.createStatement()) {
            st.execute("SET preserve_insertion_order = false");
        }
        try (PreparedStatement read = conn.prepareStatement(Sql.statement("warehouse/stage_log_files"));
             Cancellation.Registration hook = Warehouse.cancelling(read, cancel);
             QueryProgressPoller poller = new QueryProgressPoller(read, fractionDone)) {
            read.setArray(1, conn.createArrayOf("VARCHAR", copies.stream().map(Path::toString).toArray()));
            read.setArray(2, conn.createArrayOf("VARCHAR", sources.stream().map(Path::toString).toArray()));
            poller.start();
            rows = read.executeUpdate();
        }
        eventRows += rows;
        return rows;
    }

    /** Loads the song records written as JSON lines ({@code SongLines}) into staging_songs. */
    public long stageSongLines(Path file, Cancellation cancel) throws SQLException {
        flush();
        var conn = warehouse.connection();
        long rows;
        try (PreparedStatement read = conn.prepareStatement(Sql.statement("warehouse/stage_song_lines"));
             Cancellation.Registration hook = Warehouse.cancelling(read, cancel)) {
            read.setString(1, file.toString());
            rows = read.executeUpdate();
        }
        songRows += rows;
        return rows;
    }

    /** Makes appended rows visible to SQL on the same connection. */
    public void flush() throws SQLException {
        for (DuckDBAppender a : new DuckDBAppender[] {events, rejected}) {
            if (a != null) {
                a.flush();
            }
        }
    }

    public long songRows() {
        return songRows;
    }

    public long eventRows() {
        return eventRows;
    }

    public long rejectedRows() {
        return rejectedRows;
    }

    private DuckDBAppender appender(String table) throws SQLException {
        return warehouse.connection().unwrap(DuckDBConnection.class).createAppender(DuckDBConnection.DEFAULT_SCHEMA, table);
    }

    private static void appendInt(DuckDBAppender a, Integer v) throws SQLException {
        if (v == null) {
            a.appendNull();
        } else {
            a.append(v.intValue());
        }
    }

    private static void appendLong(DuckDBAppender a, Long v) throws SQLException {
        if (v == null) {
            a.appendNull();
        } else {
            a.append(v.longValue());
        }
    }

    private static void appendDouble(DuckDBAppender a, Double v) throws SQLException {
        if (v == null) {
            a.appendNull();
        } else {
            a.append(v.doubleValue());
        }
    }

    @Override
    public void close() throws SQLException {
        SQLException first = null;
        for (DuckDBAppender a : new DuckDBAppender[] {events, rejected}) {
            if (a != null) {
                try {
                    a.close();
                } catch (SQLException e) {
                    first = first == null ? e : first;
                }
            }
        }
        events = rejected = null;
        if (first != null) {
            throw first;
        }
    }
}
