package encore.ui;

import encore.config.UserSettings;
import encore.task.Progress;
import encore.ui.task.TaskRunner;
import encore.warehouse.PagedQuery;
import java.nio.file.Path;
import java.util.function.Consumer;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * State shared by the views: the open warehouse, a counter bumped whenever its contents change,
 * the pipeline log, the settings, and the task runner. Views talk to each other only through it.
 */
public final class AppModel {

    public enum Page { DATA, PIPELINE, EXPLORE, DASHBOARD, LAKE }

    public static final int LOG_LIMIT = 2_000;

    private final UserSettings settings;
    private final ObjectProperty<Path> warehouse = new SimpleObjectProperty<>();
    private final IntegerProperty revision = new SimpleIntegerProperty();
    private final ObservableList<Progress> log = FXCollections.observableArrayList();
    private final ObjectProperty<Page> page = new SimpleObjectProperty<>(Page.DASHBOARD);
    private final TaskRunner runner;
    private Consumer<PagedQuery> explore = q -> { };
    private final java.util.Map<String, Long> lastLogged = new java.util.HashMap<>();
    private final java.util.concurrent.ExecutorService settingsWriter = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "encore-settings");
        t.setDaemon(true);
        return t;
    });

    public AppModel(UserSettings settings) {
        this.settings = settings;
        this.runner = new TaskRunner(this::log);
    }

    public UserSettings settings() {
        return settings;
    }

    public TaskRunner runner() {
        return runner;
    }

    public ObjectProperty<Path> warehouse() {
        return warehouse;
    }

    /** Bumped after every change of the open warehouse's contents. */
    public IntegerProperty revision() {
        return revision;
    }

    public ObjectProperty<Page> page() {
        return page;
    }

    public ObservableList<Progress> log() {
        return log;
    }

    /** Saves the settings off the FX thread: the snapshot is taken here, the file written later. */
    public void saveSettings() {
        java.util.Properties snapshot = settings.snapshot();
        settingsWriter.execute(() -> UserSettings.write(snapshot));
    }

    /** At exit: stops running work and writes the settings last, waiting for the write. */
    public void close() {
        runner.shutdown();
        saveSettings();
        settingsWriter.shutdown();
        try {
            settingsWriter.awaitTermination(5, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public void open(Path db) {
        settings.warehouse = db.toString();
        saveSettings();
        if (db.equals(warehouse.get())) {
            revision.set(revision.get() + 1);
        } else {
            warehouse.set(db);
        }
    }

    /**
     * Runs {@code refresh} when the open warehouse or its contents change while {@code view} is
     * showing, else the next time it is shown: a hidden view does not fill its tables and charts
     * in the frames right after a load, which are the window's longest (measured).
     */
    public void refreshWhenShown(Page view, Runnable refresh) {
        boolean[] stale = {false};
        Runnable changed = () -> {
            if (page.get() == view) {
                refresh.run();
            } else {
                stale[0] = true;
            }
        };
        warehouse.addListener((o, a, b) -> changed.run());
        revision.addListener((o, a, b) -> changed.run());
        page.addListener((o, a, shown) -> {
            if (shown == view && stale[0]) {
                stale[0] = false;
                refresh.run();
            }
        });
    }

    public void changed() {
        revision.set(revision.get() + 1);
    }

    /** Shows a query's rows in the Explore view (a drill-down from a chart). */
    public void explore(PagedQuery query) {
        page.set(Page.EXPLORE);
        explore.accept(query);
    }

    public void onExploreRequest(Consumer<PagedQuery> handler) {
        this.explore = handler;
    }

    /** Keeps warnings, each step's first and last update, and at most one update a second per step. */
    private void log(Progress p) {
        long now = System.nanoTime();
        boolean last = p.total() > 0 && p.done() >= p.total();
        Long seen = lastLogged.get(p.step());
        if (p.level() == Progress.Level.INFO && !last && seen != null && now - seen < 1_000_000_000L) {
            return;
        }
        lastLogged.put(p.step(), now);
        log.add(p);
        if (log.size() > LOG_LIMIT) {
            log.remove(0, log.size() - LOG_LIMIT);
        }
    }
}
