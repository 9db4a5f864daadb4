package encore.ui.data;

import encore.config.AppDirs;
import encore.pipeline.EtlJob;
import encore.pipeline.EtlSummary;
import encore.pipeline.InputResolver;
import encore.source.SourceLocation;
import encore.source.SourcePreview;
import encore.storage.s3.S3Clients;
import encore.storage.s3.S3Settings;
import encore.task.Cancellation;
import encore.task.ProgressListener;
import encore.ui.AppModel;
import encore.ui.Fx;
import encore.warehouse.WarehouseSettings;
import java.nio.file.Path;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** The Data view's state and actions: where the input is, its preview, and loading it. */
public final class DataViewModel {

    final StringProperty root = new SimpleStringProperty("");
    final StringProperty songs = new SimpleStringProperty("");
    final StringProperty logs = new SimpleStringProperty("");
    final StringProperty warehouse = new SimpleStringProperty("");
    final StringProperty error = new SimpleStringProperty("");
    final BooleanProperty busy = new SimpleBooleanProperty();
    final ObjectProperty<SourcePreview.Result> preview = new SimpleObjectProperty<>();
    final ObjectProperty<EtlSummary> summary = new SimpleObjectProperty<>();
    final StringProperty outcome = new SimpleStringProperty("");
    /** S3: the AWS profile, region and endpoint override; credentials come from the AWS settings. */
    final StringProperty s3Profile = new SimpleStringProperty("");
    final StringProperty s3Region = new SimpleStringProperty("");
    final StringProperty s3Endpoint = new SimpleStringProperty("");
    final ObservableList<String> profiles = FXCollections.observableArrayList();

    private final AppModel model;

    public DataViewModel(AppModel model) {
        this.model = model;
        var s = model.settings();
        root.set(s.dataRoot == null ? "" : s.dataRoot);
        songs.set(s.songsFolder == null ? "" : s.songsFolder);
        logs.set(s.logsFolder == null ? "" : s.logsFolder);
        warehouse.set(s.warehouse == null ? "" : s.warehouse);
        s3Profile.set(s.s3Profile == null ? "" : s.s3Profile);
        s3Region.set(s.s3Region == null ? "" : s.s3Region);
        s3Endpoint.set(s.s3Endpoint == null ? "" : s.s3Endpoint);
        // a preview is of the folders it was made from
        for (StringProperty input : List.of(root, songs, logs)) {
            input.addListener((o, a, b) -> preview.set(null));
        }
    }

    /** Reads the profile names of the shared AWS config/credentials files, off the FX thread. */
    public void refreshProfiles() {
        model.runner().run("AWS profiles", false, (p, c) -> List.copyOf(S3Clients.profiles()),
            names -> profiles.setAll(names), e -> profiles.clear(), () -> { });
    }

    /**
     * The input as typed, resolved on the calling thread: local folders are only checked, S3
     * locations are fetched into the cache (so call it off the FX thread when {@link #isRemote}).
     */
    SourceLocation resolve(Input in, ProgressListener progress, Cancellation cancel) {
        return new InputResolver(in.s3(), AppDirs.s3Cache(), progress, cancel).resolve(in.root(), in.songs(), in.logs());
    }

    /** A snapshot of the input fields, taken on the FX thread. */
    record Input(String root, String songs, String logs, S3Settings s3) {
        boolean isRemote() {
            return InputResolver.anyRemote(root, songs, logs);
        }
    }

    Input input() {
        return new Input(root.get().strip(), songs.get().strip(), logs.get().strip(),
            new S3Settings(s3Profile.get(), s3Region.get(), s3Endpoint.get()));
    }

    /**
     * The location to read when it is local (checked now, so mistakes show at once), or null
     * when it is in S3 and must be fetched by the task.
     */
    private SourceLocation localOrNull(Input in) {
        return in.isRemote() ? null : resolve(in, ProgressListener.NONE, new Cancellation());
    }

    void rememberInput() {
        var s = model.settings();
        s.dataRoot = root.get();
        s.songsFolder = songs.get();
        s.logsFolder = logs.get();
        s.s3Profile = s3Profile.get();
        s.s3Region = s3Region.get();
        s.s3Endpoint = s3Endpoint.get();
        model.saveSettings();
    }

    public void preview() {
        error.set("");
        Input in = input();
        SourceLocation local;
        try {
            local = localOrNull(in);
        } catch (RuntimeException e) {
            error.set(Fx.message(e));
            return;
        }
        rememberInput();
        busy.set(true);
        model.runner().run("Preview", true, (p, c) -> new SourcePreview(p, c)
                .preview(local != null ? local : resolve(in, p, c), 200),
            r -> {
                busy.set(false);
                preview.set(r);
            },
            e -> {
                busy.set(false);
                error.set(Fx.message(e));
            },
            () -> busy.set(false));
    }

    public void runEtl() {
        error.set("");
        outcome.set("");
        summary.set(null);
        Input in = input();
        SourceLocation local;
        try {
            local = localOrNull(in);
            if (warehouse.get().isBlank()) {
                throw new IllegalArgumentException("Choose a warehouse file (.duckdb) to load into");
            }
        } catch (RuntimeException e) {
            error.set(Fx.message(e));
            return;
        }
        rememberInput();
        Path db = Path.of(warehouse.get().strip());
        busy.set(true);
        model.runner().runBulk("Load", (p, c) -> new EtlJob(p, c, WarehouseSettings.interactive()).withoutFullCollections()
                .run(local != null ? local : resolve(in, p, c), db),
            s -> {
                busy.set(false);
                summary.set(s);
                outcome.set(String.format("Loaded in %.1f s: %,d new plays, %,d rejected, checks %s",
                    s.elapsedMillis() / 1000.0, s.newSongplays(), s.rejected(), s.checksPassed() ? "passed" : "FAILED"));
                // the other views refresh from the new warehouse a few frames later: the frame that
                // shows the summary's tab has its CSS and layout to do
                Fx.afterPulses(2, () -> model.open(db));
            },
            e -> {
                busy.set(false);
                error.set("Load failed: " + Fx.message(e));
            },
            () -> {
                busy.set(false);
                outcome.set("Cancelled: the warehouse is as it was before the run");
            });
    }
}
