package encore.warehouse;

import encore.task.Cancellation;
import encore.task.CancelledException;
import encore.task.Progress;
import encore.task.ProgressListener;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dashboard's marts: songplays pre-aggregated for the charts (see dashboard_marts.sql). A
 * cache, refreshed after a load in a transaction of its own; the dashboard reads them only while
 * they match songplays and users, so a refresh that fails or is cancelled costs speed, never
 * correctness.
 */
public final class DashboardMarts {

    private static final Logger LOG = LoggerFactory.getLogger(DashboardMarts.class);

    public static final String STEP = "marts";

    private final Warehouse warehouse;

    public DashboardMarts(Warehouse warehouse) {
        this.warehouse = warehouse;
    }

    /**
     * Rebuilds the marts from the committed songplays and users, in one transaction. Returns
     * false, leaving the old marts (and so the dashboard reading songplays), when cancelled.
     */
    public boolean refresh(ProgressListener progress, Cancellation cancel) {
        Connection conn = warehouse.connection();
        List<String> statements = Sql.script("warehouse/dashboard_marts");
        long started = System.nanoTime();
        try {
            boolean autoCommit = conn.getAutoCommit();
            conn.setAutoCommit(false);
            try (Statement st = conn.createStatement();
                 Cancellation.Registration hook = Warehouse.cancelling(st, cancel)) {
                int i = 0;
                for (String sql : statements) {
                    cancel.check();
                    progress.onProgress(Progress.info(STEP, i++, statements.size(), "statements", "Refreshing dashboard marts"));
                    st.execute(sql);
                }
                cancel.check();
                conn.commit();
                progress.onProgress(Progress.info(STEP, statements.size(), statements.size(), "statements", "Dashboard marts refreshed"));
                LOG.info("Refreshed the dashboard marts in {} ms", (System.nanoTime() - started) / 1_000_000);
                return true;
            } catch (SQLException | RuntimeException e) {
                conn.rollback();
                if (cancel.isCancelled() || e instanceof CancelledException) {
                    progress.onProgress(Progress.warn(STEP,
                        "Dashboard marts not refreshed (cancelled): the dashboard reads songplays until the next refresh"));
                    return false;
                }
                throw e;
            } finally {
                conn.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new WarehouseException("Refreshing the dashboard marts failed: " + Warehouse.firstLine(e.getMessage()), e);
        }
    }
}
