package encore.ui;

import encore.TestData;
import encore.config.UserSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javafx.scene.Node;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The main window on the real services, headless, for the desktop tests: each test gets fresh
 * settings and data folders and the bundled sample. Subclasses start it with
 * {@code @Start void start(Stage stage) throws IOException { open(stage); }}.
 */
@ExtendWith(ApplicationExtension.class)
abstract class AppWindowTest {

    @TempDir
    static Path config;

    @TempDir
    Path tmp;

    AppModel model;
    MainWindow window;

    /** Shows the window; each test class calls it from its own {@code @Start} (TestFX looks only there). */
    void open(Stage stage) throws IOException {
        Path dir = Files.createTempDirectory(config, "cfg");
        System.setProperty("encore.configDir", dir.toString());
        System.setProperty("encore.sampleData", TestData.sample().toString());
        model = new AppModel(UserSettings.load());
        window = new MainWindow(model);
        stage.setScene(Fx.styledScene(window, 1280, 820)); // styled as the app is
        stage.show();
    }

    @AfterEach
    void stop() {
        model.runner().shutdown();
    }

    /** Waits until {@code condition} holds, then until the FX thread has finished what it was doing. */
    static void waitFor(String what, int seconds, Supplier<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> condition.get());
        } catch (Exception e) {
            throw new AssertionError("Timed out waiting for: " + what, e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Looks up a node in this test's window only (earlier tests' windows may still exist). */
    <T extends Node> T find(FxRobot robot, String id, Class<T> type) {
        return robot.from(window).lookup(id).queryAs(type);
    }
}
