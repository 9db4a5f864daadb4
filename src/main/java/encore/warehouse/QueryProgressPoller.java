package encore.warehouse;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.DoubleConsumer;
import org.duckdb.DuckDBPreparedStatement;
import org.duckdb.QueryProgress;

/**
 * Reports how far a long DuckDB statement has got, as a fraction from 0 to 1, a few times a
 * second while it runs (DuckDB's own query progress), so one long statement still moves the
 * progress bar. Reports only increases; stops when closed.
 */
final class QueryProgressPoller implements AutoCloseable {

    private static final long PERIOD_MS = 250;

    private final DuckDBPreparedStatement statement;
    private final DoubleConsumer fractionDone;
    private ScheduledExecutorService timer;
    private double last;

    QueryProgressPoller(PreparedStatement statement, DoubleConsumer fractionDone) throws SQLException {
        this.statement = statement.unwrap(DuckDBPreparedStatement.class);
        this.fractionDone = fractionDone;
    }

    void start() {
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "encore-query-progress");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleAtFixedRate(this::poll, PERIOD_MS, PERIOD_MS, TimeUnit.MILLISECONDS);
    }

    private void poll() {
        try {
            QueryProgress p = statement.getQueryProgress();
            double pct = p.getPercentage();
            if (pct > 0 && pct / 100 > last) {
                last = Math.min(1, pct / 100);
                fractionDone.accept(last);
            }
        } catch (SQLException | RuntimeException e) {
            // no progress to report at this moment (the statement is starting or finishing)
        }
    }

    @Override
    public void close() {
        if (timer != null) {
            timer.shutdownNow();
            try {
                timer.awaitTermination(1, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
