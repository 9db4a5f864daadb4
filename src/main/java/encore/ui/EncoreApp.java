package encore.ui;

import encore.config.AppDirs;
import encore.config.BuildInfo;
import encore.config.Documents;
import encore.config.UserSettings;
import encore.pipeline.SampleWarehouse;
import encore.task.EncoreException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The desktop app. Shows the window first, then (in the background) opens the last warehouse,
 * or builds and opens the bundled sample on first start. Given a warehouse file (a double-click
 * on a {@code .duckdb}), opens that one instead.
 */
public final class EncoreApp extends Application {

    private static final Logger LOG = LoggerFactory.getLogger(EncoreApp.class);

    private AppModel model;

    public static void launchApp(String[] args) {
        Application.launch(EncoreApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        if (Boolean.getBoolean("encore.reportStartup")) {
            System.out.println("start() " + sinceLaunch() + " ms after JVM start");
        }
        IdleHeap.returnPeriodically();
        LOG.info("Encore {} starting: Java {} in {}, JavaFX {}, DuckDB JDBC {}; settings {}, data {}, logs {}",
            BuildInfo.encore(), BuildInfo.java(), System.getProperty("java.home"),
            System.getProperty("javafx.runtime.version"), BuildInfo.of("duckdb.version"),
            AppDirs.config(), AppDirs.data(), AppDirs.logs());
        UserSettings settings = UserSettings.load();
        model = new AppModel(settings);
        mark("settings loaded");
        MainWindow window = new MainWindow(model, false);
        mark("window built");
        Scene scene = Fx.styledScene(window, settings.windowWidth, settings.windowHeight);
        stage.setTitle("Encore");
        for (int size : new int[] {16, 32, 64, 256}) {
            var icon = EncoreApp.class.getResourceAsStream("/encore/ui/icon-" + size + ".png");
            if (icon != null) {
                stage.getIcons().add(new Image(icon));
            }
        }
        stage.setScene(scene);
        stage.setOnCloseRequest(e -> {
            settings.windowWidth = scene.getWidth();
            settings.windowHeight = scene.getHeight();
            model.close();
        });
        stage.show();
        mark("stage shown");
        reportFirstFrame();
        List<String> args = getParameters().getRaw();
        afterFirstFrame(() -> {
            window.showCurrentPage();
            mark("page shown");
            openInitialWarehouse(model, args);
        });
    }

    /**
     * The file given on the command line (a double-click on a warehouse); without one, or when it
     * cannot be opened, the last warehouse or the sample.
     */
    static void openInitialWarehouse(AppModel model, List<String> args) {
        if (!args.isEmpty()) {
            String file = args.get(0);
            if (Documents.isPipeline(file)) {
                Fx.error("Cannot open " + file, new EncoreException("Pipeline files (" + Documents.PIPELINE
                    + ") are reserved for pipelines, which this version of Encore cannot run",
                    "open a warehouse (" + Documents.WAREHOUSE + ") or load data in the Data view"));
            } else {
                Path db = Path.of(file).toAbsolutePath().normalize();
                if (Files.isRegularFile(db)) {
                    LOG.info("Opening the warehouse {} given at launch", db);
                    model.open(db);
                    return;
                }
                Fx.error("Cannot open " + file, new EncoreException("The warehouse " + db + " does not exist",
                    "check the file's name, or open another warehouse from the Data view"));
            }
        }
        openInitialWarehouse(model);
    }

    /**
     * Runs {@code then} once the first frame is on screen: opening a warehouse loads DuckDB's
     * native library (tens of MB), which would otherwise compete with the first frame for the CPU.
     */
    private static void afterFirstFrame(Runnable then) {
        new javafx.animation.AnimationTimer() {
            private int pulses;

            @Override
            public void handle(long now) {
                if (++pulses == 2) {
                    stop();
                    then.run();
                }
            }
        }.start();
    }

    /** The last warehouse (or lake) if it still exists, else the bundled sample (built on first start). */
    static void openInitialWarehouse(AppModel model) {
        String last = model.settings().warehouse;
        if (last != null && (Files.isRegularFile(Path.of(last)) || encore.warehouse.Warehouse.isLake(Path.of(last)))) {
            model.open(Path.of(last));
            return;
        }
        model.runner().run("Opening the sample", true, SampleWarehouse::ensure, model::open,
            e -> model.page().set(AppModel.Page.DATA), () -> { });
    }

    private static void mark(String what) {
        if (Boolean.getBoolean("encore.reportStartup")) {
            System.out.println(what + " " + sinceLaunch() + " ms after JVM start");
        }
    }

    /** Logs the time from JVM start to the first frame drawn (and prints it for the startup benchmark). */
    private static void reportFirstFrame() {
        new javafx.animation.AnimationTimer() {
            @Override
            public void handle(long now) {
                long ms = sinceLaunch();
                if (Boolean.getBoolean("encore.reportStartup")) {
                    System.out.println("first frame " + ms + " ms after JVM start (at " + System.currentTimeMillis() + ")");
                }
                LOG.info("First frame {} ms after launch", ms);
                stop();
            }
        }.start();
    }

    private static long sinceLaunch() {
        return System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
    }

    public AppModel model() {
        return model;
    }
}
