package encore.ui.lake;

import encore.config.AppDirs;
import encore.lake.LakeCompression;
import encore.lake.LakeDestination;
import encore.lake.LakeDestinations;
import encore.lake.LakeExport;
import encore.lake.LakeLayout;
import encore.lake.LakeOptions;
import encore.lake.LakeSummary;
import encore.lake.PublishMode;
import encore.lake.S3LakeMirror;
import encore.storage.s3.S3Clients;
import encore.storage.s3.S3Location;
import encore.storage.s3.S3Settings;
import encore.task.EncoreException;
import encore.ui.AppModel;
import encore.ui.Fx;
import encore.ui.task.TaskRunner;
import encore.warehouse.Warehouse;
import encore.warehouse.WarehouseSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The Lake view's state and actions: export the open warehouse to a lake (warning before a
 * classic layout of more than {@link LakeExport#MANY_PARTITIONS} partitions), and open a lake as
 * the read-only source of Explore and the Dashboard.
 */
public final class LakeViewModel {

    final StringProperty warehouse = new SimpleStringProperty("");
    final StringProperty destination = new SimpleStringProperty("");
    final ObjectProperty<LakeLayout> layout = new SimpleObjectProperty<>(LakeLayout.COMPACT);
    final ObjectProperty<PublishMode> mode = new SimpleObjectProperty<>(PublishMode.OVERWRITE);
    final ObjectProperty<LakeCompression> compression = new SimpleObjectProperty<>(LakeCompression.SNAPPY);
    final BooleanProperty busy = new SimpleBooleanProperty();
    final StringProperty error = new SimpleStringProperty("");
    /** Non-empty while the app asks whether to write a classic layout of many partitions. */
    final StringProperty warning = new SimpleStringProperty("");
    final StringProperty outcome = new SimpleStringProperty("");
    final ObjectProperty<LakeSummary> summary = new SimpleObjectProperty<>();
    final ObjectProperty<TaskRunner.Running> running = new SimpleObjectProperty<>();

    private final AppModel model;

    public LakeViewModel(AppModel model) {
        this.model = model;
        useOpenWarehouse(model.warehouse().get());
        model.warehouse().addListener((o, a, db) -> useOpenWarehouse(db));
    }

    private void useOpenWarehouse(Path db) {
        if (db != null && !Warehouse.isLake(db) && !busy.get()) {
            warehouse.set(db.toString());
        }
    }

    /** Exports; for a classic layout first counts its partitions and asks above the limit. */
    public void export() {
        error.set("");
        outcome.set("");
        warning.set("");
        Inputs in;
        try {
            in = inputs();
        } catch (RuntimeException e) {
            error.set(Fx.message(e));
            return;
        }
        if (in.options().layout() != LakeLayout.CLASSIC) {
            start(in);
            return;
        }
        busy.set(true);
        model.runner().run("Count partitions", false, (p, c) -> LakeExport.classicPartitions(in.db(), WarehouseSettings.interactive()),
            n -> {
                busy.set(false);
                if (n > LakeExport.MANY_PARTITIONS) {
                    warning.set(String.format("The classic layout writes one folder and file per song year and artist: "
                        + "%,d partitions. So many small files are slow to write and to read (Spark, Athena and "
                        + "DuckDB open each one); the compact layout writes one file per year, sorted by artist.", n));
                } else {
                    start(in);
                }
            },
            e -> {
                busy.set(false);
                error.set(Fx.message(e));
            },
            () -> busy.set(false));
    }

    /** After the warning: write the classic layout anyway. */
    public void exportClassicAnyway() {
        warning.set("");
        try {
            start(inputs());
        } catch (RuntimeException e) {
            error.set(Fx.message(e));
        }
    }

    /** After the warning: switch to the compact layout and export. */
    public void exportCompactInstead() {
        warning.set("");
        layout.set(LakeLayout.COMPACT);
        export();
    }

    /** Opens the lake at the destination as the app's read-only source. */
    public void openLake() {
        error.set("");
        String d = destination.get().strip();
        if (S3Location.isS3(d)) {
            openS3Lake(d);
            return;
        }
        Path lake = d.isEmpty() ? null : Path.of(d);
        if (lake == null || !Warehouse.isLake(lake)) {
            error.set(d.isEmpty() ? "Choose the lake folder to open"
                : "Not a lake: " + d + " has no _manifest.json — export to it first, or choose a folder an export wrote");
            return;
        }
        model.open(lake.toAbsolutePath().normalize());
        outcome.set("Opened the lake " + lake + " (read-only) for Explore and the Dashboard");
    }

    /** Mirrors a lake in S3 into the cache off the FX thread, then opens the local copy read-only. */
    private void openS3Lake(String d) {
        S3Location lake;
        try {
            lake = S3Location.parse(d);
        } catch (EncoreException e) {
            error.set(Fx.message(e));
            return;
        }
        S3Settings s3 = s3Settings();
        busy.set(true);
        running.set(model.runner().run("Open lake", true,
            (p, c) -> {
                try (S3Clients clients = new S3Clients(s3)) {
                    return S3LakeMirror.fetch(lake, clients, AppDirs.s3Cache(), p, c);
                }
            },
            local -> {
                busy.set(false);
                running.set(null);
                model.open(local);
                outcome.set("Opened the lake " + lake + " (read-only, local copy in " + local + ") for Explore and the Dashboard");
            },
            e -> {
                busy.set(false);
                running.set(null);
                error.set("Opening the lake failed: " + Fx.message(e));
            },
            () -> {
                busy.set(false);
                running.set(null);
                outcome.set("Cancelled opening the lake " + lake);
            }));
    }

    /** The S3 settings the user set in the Data view. */
    private S3Settings s3Settings() {
        var settings = model.settings();
        return new S3Settings(settings.s3Profile, settings.s3Region, settings.s3Endpoint);
    }

    private record Inputs(Path db, LakeDestination destination, LakeOptions options) {
    }

    private Inputs inputs() {
        String db = warehouse.get().strip();
        if (db.isEmpty()) {
            throw new EncoreException("Choose the warehouse to export", "load one in the Data view, or choose a .duckdb file");
        }
        Path file = Path.of(db);
        if (!Files.isRegularFile(file)) {
            throw new EncoreException("Warehouse not found: " + db, "choose a .duckdb file the Data view loaded");
        }
        return new Inputs(file, LakeDestinations.parse(destination.get(), s3Settings()),
            new LakeOptions(layout.get(), mode.get(), compression.get()));
    }

    private void start(Inputs in) {
        busy.set(true);
        summary.set(null);
        running.set(model.runner().runBulk("Export lake",
            (p, c) -> new LakeExport(p, c, WarehouseSettings.interactive()).run(in.db(), in.destination(), in.options()),
            s -> {
                busy.set(false);
                running.set(null);
                summary.set(s);
                outcome.set(String.format("Published %s in %.1f s: %,d partitions, %,d files, %,d rows, %s",
                    s.destination(), s.elapsedMillis() / 1000.0, s.partitions(), s.files(), s.rows(),
                    encore.source.Bytes.human(s.bytes())));
            },
            e -> {
                busy.set(false);
                running.set(null);
                error.set("Export failed: " + Fx.message(e));
            },
            () -> {
                busy.set(false);
                running.set(null);
                outcome.set("Cancelled: the lake at " + in.destination().describe() + " is as it was");
            }));
    }
}
