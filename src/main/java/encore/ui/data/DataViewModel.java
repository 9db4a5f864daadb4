package encore.ui.data;

import encore.pipeline.EtlJob;
import encore.pipeline.EtlSummary;
import encore.source.SourceLocation;
import encore.source.SourceLocator;
import encore.source.SourcePreview;
import encore.ui.AppModel;
import encore.ui.Fx;
import encore.warehouse.WarehouseSettings;
import java.nio.file.Path;
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

    private final AppModel model;

    public DataViewModel(AppModel model) {
        this.model = model;
        var s = model.settings();
        root.set(s.dataRoot == null ? "" : s.dataRoot);
        songs.set(s.songsFolder == null ? "" : s.songsFolder);
        logs.set(s.logsFolder == null ? "" : s.logsFolder);
        warehouse.set(s.warehouse == null ? "" : s.warehouse);
    }

    SourceLocation location() {
        if (!root.get().isBlank()) {
            return SourceLocator.fromRoot(Path.of(root.get().strip()));
        }
        return SourceLocator.fromFolders(blankToNull(songs.get()), blankToNull(logs.get()));
    }

    private static Path blankToNull(String s) {
        return s == null || s.isBlank() ? null : Path.of(s.strip());
    }

    void rememberInput() {
        var s = model.settings();
        s.dataRoot = root.get();
        s.songsFolder = songs.get();
        s.logsFolder = logs.get();
        model.saveSettings();
    }

    public void preview() {
        error.set("");
        SourceLocation loc;
        try {
            loc = location();
        } catch (RuntimeException e) {
            error.set(Fx.message(e));
            return;
        }
        rememberInput();
        busy.set(true);
        model.runner().run("Preview", true, (p, c) -> new SourcePreview(p, c).preview(loc, 200),
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
        SourceLocation loc;
        try {
            loc = location();
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
        model.runner().run("Load", true, (p, c) -> new EtlJob(p, c, WarehouseSettings.interactive()).withoutFullCollections().run(loc, db),
            s -> {
                busy.set(false);
                summary.set(s);
                outcome.set(String.format("Loaded in %.1f s: %,d new plays, %,d rejected, checks %s",
                    s.elapsedMillis() / 1000.0, s.newSongplays(), s.rejected(), s.checksPassed() ? "passed" : "FAILED"));
                model.open(db);
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
