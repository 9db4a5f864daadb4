package encore.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import encore.TestData;
import encore.generate.DatasetGenerator;
import encore.generate.GeneratorSpec;
import encore.source.SourceLocator;
import encore.task.Cancellation;
import encore.task.CancelledException;
import encore.task.Progress;
import encore.task.ProgressListener;
import encore.warehouse.WarehouseSettings;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A cancelled or failed load leaves the warehouse exactly as it was. */
class EtlCancelTest {

    @TempDir
    Path tmp;

    @Test
    void cancelling_midway_rolls_back_everything() {
        Path db = tmp.resolve("w.duckdb");
        Etl.load(TestData.sample(), db);
        var before = Etl.starTables(db);
        long runsBefore = Etl.count(db, "SELECT count(*) FROM etl_runs");
        long stagedBefore = Etl.count(db, "SELECT count(*) FROM staging_events");

        Path more = moreDays();
        Cancellation cancel = new Cancellation();
        AtomicInteger eventsProgress = new AtomicInteger();
        ProgressListener cancelDuringEvents = cancelAt("events", 3, eventsProgress, cancel);

        assertThatThrownBy(() -> new EtlJob(cancelDuringEvents, cancel, WarehouseSettings.defaults())
            .run(SourceLocator.fromRoot(more), db)).isInstanceOf(CancelledException.class);

        assertThat(eventsProgress.get()).isGreaterThanOrEqualTo(3);
        assertThat(Etl.starTables(db)).isEqualTo(before);
        assertThat(Etl.count(db, "SELECT count(*) FROM etl_runs")).isEqualTo(runsBefore);
        assertThat(Etl.count(db, "SELECT count(*) FROM staging_events")).isEqualTo(stagedBefore);
    }

    /** "As it was" for a warehouse the load itself created: no file at all. */
    @Test
    void a_cancelled_first_load_leaves_no_warehouse_file() {
        Path db = tmp.resolve("new.duckdb");
        Cancellation cancel = new Cancellation();
        AtomicInteger starProgress = new AtomicInteger();
        ProgressListener cancelDuringStar = cancelAt("star", 2, starProgress, cancel);

        assertThatThrownBy(() -> new EtlJob(cancelDuringStar, cancel, WarehouseSettings.defaults())
            .run(SourceLocator.fromRoot(TestData.sample()), db)).isInstanceOf(CancelledException.class);

        assertThat(starProgress.get()).isGreaterThanOrEqualTo(2);
        assertThat(db).doesNotExist();
        assertThat(Path.of(db + ".wal")).doesNotExist();
    }

    /** The staged input is committed before the star schema is built; a cancel then still undoes all. */
    @Test
    void cancelling_while_building_the_star_schema_puts_the_previous_staging_back() {
        Path db = tmp.resolve("w.duckdb");
        Etl.load(TestData.sample(), db);
        var before = Etl.starTables(db);
        var stagingBefore = staging(db);

        Path more = moreDays();
        Cancellation cancel = new Cancellation();
        AtomicInteger starProgress = new AtomicInteger();
        ProgressListener cancelDuringStar = cancelAt("star", 3, starProgress, cancel);

        assertThatThrownBy(() -> new EtlJob(cancelDuringStar, cancel, WarehouseSettings.defaults())
            .run(SourceLocator.fromRoot(more), db)).isInstanceOf(CancelledException.class);

        assertThat(starProgress.get()).isGreaterThanOrEqualTo(3);
        assertThat(Etl.starTables(db)).isEqualTo(before);
        assertThat(staging(db)).isEqualTo(stagingBefore);
        assertThat(Etl.count(db, "SELECT count(*) FROM duckdb_tables() WHERE table_name LIKE '%_previous'")).isZero();
    }

    /** A load killed between its staging commit and its last commit: the next open undoes its staging. */
    @Test
    void a_load_interrupted_after_staging_is_undone_when_the_warehouse_is_next_opened() throws Exception {
        Path db = tmp.resolve("w.duckdb");
        Etl.load(TestData.sample(), db);
        var before = Etl.starTables(db);
        var stagingBefore = staging(db);
        // what a load leaves when the process dies right after committing its staged input
        try (var c = java.sql.DriverManager.getConnection("jdbc:duckdb:" + db); var st = c.createStatement()) {
            c.setAutoCommit(false);
            st.execute("ALTER TABLE staging_songs RENAME TO staging_songs_previous");
            st.execute("ALTER TABLE staging_events RENAME TO staging_events_previous");
            st.execute("ALTER TABLE rejected_records RENAME TO rejected_records_previous");
            st.execute("CREATE TABLE staging_songs AS SELECT * FROM staging_songs_previous LIMIT 3");
            st.execute("CREATE TABLE staging_events AS SELECT * FROM staging_events_previous LIMIT 5");
            st.execute("CREATE TABLE rejected_records AS SELECT * FROM rejected_records_previous");
            c.commit();
        }

        encore.warehouse.Warehouse.openForWrite(db, WarehouseSettings.defaults()).close();

        assertThat(Etl.starTables(db)).isEqualTo(before);
        assertThat(staging(db)).isEqualTo(stagingBefore);
        assertThat(Etl.count(db, "SELECT count(*) FROM duckdb_tables() WHERE table_name LIKE '%_previous'")).isZero();
    }

    /** Six more days of generated data, after the sample's month. */
    private Path moreDays() {
        Path more = tmp.resolve("more");
        new DatasetGenerator(new GeneratorSpec(more, 2_000, 6, 50, 2_000, 9, LocalDate.of(2018, 12, 1), 0.3))
            .generate(ProgressListener.NONE, new Cancellation());
        return more;
    }

    /** Cancels at the {@code nth} progress report of {@code step}, counting them in {@code seen}. */
    private static ProgressListener cancelAt(String step, int nth, AtomicInteger seen, Cancellation cancel) {
        return p -> {
            if (p.step().equals(step) && p.level() == Progress.Level.INFO && seen.incrementAndGet() == nth) {
                cancel.cancel();
            }
        };
    }

    private static java.util.List<java.util.List<String>> staging(Path db) {
        return Etl.rows(db, "SELECT (SELECT count(*) FROM staging_songs), (SELECT count(*) FROM staging_events), "
            + "(SELECT count(*) FROM rejected_records), "
            + "(SELECT sum(hash(source_file, source_line, ts, userId)) FROM staging_events)");
    }
}
