package encore.ui;

import static org.assertj.core.api.Assertions.assertThat;

import encore.TestData;
import encore.config.AppDirs;
import encore.config.BuildInfo;
import encore.pipeline.Etl;
import encore.pipeline.SampleWarehouse;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/** The parts of the app around the views: the Help menu's About box, and files given at launch. */
class DesktopShellTest extends AppWindowTest {

    @Start
    void start(Stage stage) throws IOException {
        open(stage);
    }

    @Test
    void about_shows_the_versions_and_the_folders(FxRobot robot) {
        robot.clickOn(robot.from(window).lookup("#help-menu").queryAs(Node.class));
        robot.clickOn("About Encore");
        waitFor("the About box", 10, () -> robot.lookup("#about-box").tryQuery().isPresent());

        assertThat(text(robot, "#about-encore")).isEqualTo(BuildInfo.encore()).matches("\\d+\\.\\d+\\.\\d+.*");
        assertThat(text(robot, "#about-java")).startsWith(System.getProperty("java.version"));
        assertThat(text(robot, "#about-javafx")).isEqualTo(System.getProperty("javafx.runtime.version")).startsWith("21.");
        assertThat(text(robot, "#about-duckdb-jdbc")).isEqualTo(BuildInfo.of("duckdb.version")).matches("\\d+\\.\\d+.*");
        assertThat(text(robot, "#about-logs")).isEqualTo(AppDirs.logs().toString());
        assertThat(text(robot, "#about-data")).isEqualTo(AppDirs.data().toString());
        robot.interact(() -> robot.lookup("#about-box").queryAs(Node.class).getScene().getWindow().hide());
    }

    @Test
    void a_warehouse_given_at_launch_is_opened_instead_of_the_sample(FxRobot robot) {
        Path db = tmp.resolve("given.duckdb");
        Etl.load(TestData.sample(), db);
        robot.interact(() -> EncoreApp.openInitialWarehouse(model, List.of(db.toString())));
        assertThat(model.warehouse().get()).isEqualTo(db.toAbsolutePath());
        assertThat(model.settings().warehouse).isEqualTo(db.toAbsolutePath().toString());
        assertThat(SampleWarehouse.location()).doesNotExist();
    }

    @Test
    void a_missing_warehouse_or_a_pipeline_file_says_why_and_opens_the_sample(FxRobot robot) {
        for (String file : List.of(tmp.resolve("gone.duckdb").toString(), tmp.resolve("nightly.encore").toString())) {
            robot.interact(() -> EncoreApp.openInitialWarehouse(model, List.of(file)));
            waitFor("the sample", 60, () -> model.warehouse().get() != null);
            assertThat(model.warehouse().get()).isEqualTo(SampleWarehouse.location());
            String shown = robot.lookup(".dialog-pane .content").queryAs(Label.class).getText();
            assertThat(shown).contains(file.endsWith(".encore") ? "Pipeline files (.encore) are reserved" : "gone.duckdb does not exist");
            robot.interact(() -> robot.lookup(".dialog-pane").queryAs(Node.class).getScene().getWindow().hide());
        }
    }

    static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }
}
