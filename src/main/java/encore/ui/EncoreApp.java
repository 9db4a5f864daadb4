package encore.ui;

import encore.config.UserSettings;
import encore.pipeline.SampleWarehouse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.stage.Stage;

/**
 * The desktop app. Shows the window first, then (in the background) opens the last warehouse,
 * or builds and opens the bundled sample on first start.
 */
public final class EncoreApp extends Application {

    private AppModel model;

    public static void launchApp(String[] args) {
        Application.launch(EncoreApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        if (Boolean.getBoolean("encore.reportStartup")) {
            System.out.println("start() " + (System.currentTimeMillis()
                - java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime()) + " ms after JVM start");
        }
        UserSettings settings = UserSettings.load();
        model = new AppModel(settings);
        mark("settings loaded");
        MainWindow window = new MainWindow(model);
        mark("window built");
        Scene scene = new Scene(window, settings.windowWidth, settings.windowHeight);
        scene.getStylesheets().add(Objects.requireNonNull(EncoreApp.class.getResource("/encore/ui/encore.css")).toExternalForm());
        stage.setTitle("Encore");
        var icon = EncoreApp.class.getResourceAsStream("/encore/ui/icon-256.png");
        if (icon != null) {
            stage.getIcons().add(new Image(icon));
        }
        stage.setScene(scene);
        stage.setOnCloseRequest(e -> {
            settings.windowWidth = scene.getWidth();
            settings.windowHeight = scene.getHeight();
            model.close();
        });
        stage.show();
        mark("stage shown");
        if (Boolean.getBoolean("encore.reportStartup")) {
            reportFirstFrame();
        }
        openInitialWarehouse(model);
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
            System.out.println(what + " " + (System.currentTimeMillis()
                - java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime()) + " ms after JVM start");
        }
    }

    /** Prints the time from JVM start to the first frame drawn (for the startup benchmark). */
    private static void reportFirstFrame() {
        new javafx.animation.AnimationTimer() {
            @Override
            public void handle(long now) {
                long ms = System.currentTimeMillis() - java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime();
                System.out.println("first frame " + ms + " ms after JVM start");
                stop();
            }
        }.start();
    }

    public AppModel model() {
        return model;
    }
}
