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

        Path more = tmp.resolve("more");
        new DatasetGenerator(new GeneratorSpec(more, 2_000, 6, 50, 2_000, 9, LocalDate.of(2018, 12, 1), 0.3))
            .generate(ProgressListener.NONE, new Cancellation());
        Cancellation cancel = new Cancellation();
        AtomicInteger eventsProgress = new AtomicInteger();
        ProgressListener cancelDuringEvents = p -> {
            if (p.step().equals("events") && p.level() == Progress.Level.INFO && eventsProgress.incrementAndGet() == 3) {
                cancel.cancel();
            }
        };

        assertThatThrownBy(() -> new EtlJob(cancelDuringEvents, cancel, WarehouseSettings.defaults())
            .run(SourceLocator.fromRoot(more), db)).isInstanceOf(CancelledException.class);

        assertThat(eventsProgress.get()).isGreaterThanOrEqualTo(3);
        assertThat(Etl.starTables(db)).isEqualTo(before);
        assertThat(Etl.count(db, "SELECT count(*) FROM etl_runs")).isEqualTo(runsBefore);
        assertThat(Etl.count(db, "SELECT count(*) FROM staging_events")).isEqualTo(stagedBefore);
    }
}
