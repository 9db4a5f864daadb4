package encore.warehouse;

import encore.task.Cancellation;
import encore.task.Progress;
import encore.task.ProgressListener;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Builds the star schema from staging: dimensions first, then the fact, then time. */
public final class StarSchema {

    private static final Logger LOG = LoggerFactory.getLogger(StarSchema.class);

    public static final String STEP = "star";
    private static final List<String> STEPS = List.of("star_songs", "star_artists", "star_users", "star_songplays", "star_time");

    private final Warehouse warehouse;

    public StarSchema(Warehouse warehouse) {
        this.warehouse = warehouse;
    }

    /** Runs the transforms and returns the number of new songplays. */
    public long build(ProgressListener progress, Cancellation cancel) {
        long before = warehouse.count("SELECT count(*) FROM songplays");
        int i = 0;
        for (String name : STEPS) {
            cancel.check();
            progress.onProgress(Progress.info(STEP, i++, STEPS.size(), "tables", "Building " + name.substring(5)));
            long started = System.nanoTime();
            try (Statement st = warehouse.connection().createStatement();
                 Cancellation.Registration hook = Warehouse.cancelling(st, cancel)) {
                for (String sql : Sql.script("warehouse/" + name)) {
                    st.execute(sql);
                }
                LOG.info("Built {} in {} ms", name.substring(5), (System.nanoTime() - started) / 1_000_000);
            } catch (SQLException e) {
                cancel.check();
                throw new WarehouseException("Building " + name.substring(5) + " failed: " + Warehouse.firstLine(e.getMessage()), e);
            }
        }
        progress.onProgress(Progress.info(STEP, STEPS.size(), STEPS.size(), "tables", "Star schema built"));
        return warehouse.count("SELECT count(*) FROM songplays") - before;
    }
}
