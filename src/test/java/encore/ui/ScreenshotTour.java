package encore.ui;

import encore.config.UserSettings;
import encore.pipeline.SampleWarehouse;
import encore.task.Cancellation;
import encore.task.ProgressListener;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;

/**
 * Takes the README's screenshots: starts the app on the bundled sample in a real window (run it
 * under xvfb-run), visits each view and writes {@code <out>/<view>.png}. Run by
 * {@code assets/make-screenshots.sh}.
 */
public final class ScreenshotTour {

    private ScreenshotTour() {
    }

    public static void main(String[] args) {
        try {
            tour(args);
            System.exit(0);
        } catch (Throwable e) {
            e.printStackTrace();
            System.exit(1);
        }
    }

    private static void tour(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "assets/screenshots");
        Files.createDirectories(out);
        Path config = Files.createTempDirectory("encore-tour");
        System.setProperty("encore.configDir", config.toString());
        Path sampleDb = SampleWarehouse.ensure(ProgressListener.NONE, new Cancellation());
        // the Data view shows a copy beside the tour's settings, so no path of this checkout shows
        Path sampleCopy = config.resolve("sample-data");
        Path sampleData = SampleWarehouse.sampleData().orElseThrow();
        try (var files = Files.walk(sampleData)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Files.copy(f, sampleCopy.resolve(sampleData.relativize(f).toString()));
            }
        }

        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await();
        AppModel[] model = new AppModel[1];
        MainWindow[] window = new MainWindow[1];
        Stage[] stage = new Stage[1];
        onFx(() -> {
            model[0] = new AppModel(UserSettings.load());
            window[0] = new MainWindow(model[0]);
            Scene scene = Fx.styledScene(window[0], 1360, 860);
            stage[0] = new Stage();
            stage[0].setTitle("Encore");
            stage[0].setScene(scene);
            stage[0].show();
            model[0].open(sampleDb);
        });
        Label plays = (Label) window[0].lookup("#kpi-plays");
        waitUntil(() -> !plays.getText().equals("–"));
        Thread.sleep(800);
        shoot(window[0], out.resolve("dashboard.png"));
        onFx(() -> ((ScrollPane) window[0].lookup("#dashboard-scroll")).setVvalue(0.62));
        Thread.sleep(600);
        shoot(window[0], out.resolve("dashboard-more.png"));

        onFx(() -> {
            model[0].page().set(AppModel.Page.DATA);
            ((TextField) window[0].lookup("#data-root")).setText(sampleCopy.toString());
            ((TextField) window[0].lookup("#warehouse-file")).setText(config.resolve("tour.duckdb").toString());
        });
        onFx(() -> ((javafx.scene.control.Button) window[0].lookup("#run-etl-button")).fire());
        Label outcome = (Label) window[0].lookup("#etl-outcome");
        waitUntil(() -> outcome.getText().startsWith("Loaded"));
        onFx(() -> ((javafx.scene.control.Button) window[0].lookup("#preview-button")).fire());
        Label found = (Label) window[0].lookup("#preview-found");
        waitUntil(() -> found.getText().startsWith("Found"));
        Thread.sleep(800);
        shoot(window[0], out.resolve("data.png"));

        onFx(() -> {
            model[0].page().set(AppModel.Page.EXPLORE);
            window[0].applyCss();
            window[0].layout();
        });
        onFx(() -> {
            ((TextArea) window[0].lookup("#sql-input")).setText(
                "SELECT t.hour, count(*) AS plays, count(DISTINCT sp.user_id) AS listeners\n"
                    + "FROM songplays sp JOIN \"time\" t USING (start_time)\nGROUP BY 1 ORDER BY 1");
            ((javafx.scene.control.Button) window[0].lookup("#run-sql")).fire();
        });
        waitUntil(() -> {
            var range = window[0].lookup("#explore-view").lookup("#grid-range");
            return range instanceof Label l && l.getText().startsWith("Rows");
        });
        Thread.sleep(800);
        shoot(window[0], out.resolve("explore.png"));

        onFx(() -> model[0].page().set(AppModel.Page.PIPELINE));
        Thread.sleep(1500);
        shoot(window[0], out.resolve("pipeline.png"));

        Path lake = config.resolve("tour-lake");
        onFx(() -> {
            model[0].page().set(AppModel.Page.LAKE);
            window[0].applyCss();
            window[0].layout();
        });
        onFx(() -> {
            ((TextField) window[0].lookup("#lake-destination")).setText(lake.toString());
            ((javafx.scene.control.Button) window[0].lookup("#export-lake")).fire();
        });
        Label published = (Label) window[0].lookup("#lake-outcome");
        waitUntil(() -> published.getText().startsWith("Published"));
        Thread.sleep(800);
        shoot(window[0], out.resolve("lake.png"));
        onFx(() -> stage[0].close());
        Platform.exit();
        System.out.println("Screenshots written to " + out);
    }

    private static void shoot(MainWindow window, Path file) throws Exception {
        WritableImage[] image = new WritableImage[1];
        onFx(() -> image[0] = window.getScene().snapshot(null));
        ImageIO.write(SwingFXUtils.fromFXImage(image[0], null), "png", file.toFile());
        System.out.println("wrote " + file);
    }

    private static void onFx(Runnable r) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        Platform.runLater(() -> {
            try {
                r.run();
            } finally {
                done.countDown();
            }
        });
        if (!done.await(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("FX thread did not answer");
        }
    }

    private static void waitUntil(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            boolean[] ok = new boolean[1];
            onFx(() -> ok[0] = condition.getAsBoolean());
            if (ok[0]) {
                return;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("timed out");
    }
}
