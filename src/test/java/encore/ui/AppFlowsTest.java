package encore.ui;

import static org.assertj.core.api.Assertions.assertThat;

import encore.TestData;
import encore.config.UserSettings;
import encore.generate.DatasetGenerator;
import encore.generate.GeneratorSpec;
import encore.pipeline.Etl;
import encore.storage.s3.S3Clients;
import encore.storage.s3.S3TestServer;
import encore.storage.s3.S3Upload;
import encore.task.Cancellation;
import encore.task.ProgressListener;
import encore.ui.data.DataView;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import javafx.scene.Node;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TreeView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/**
 * The main flows of the desktop app, driven through the real window (headless), on the real
 * services: opening the sample, loading data, the rejected grid, a query, dashboard filters, and
 * cancelling a load.
 */
class AppFlowsTest extends AppWindowTest {

    @Start
    void start(Stage stage) throws IOException {
        open(stage);
    }

    static long number(String text) {
        return Long.parseLong(text.replace(",", "").replace("\u202f", "").replace("\u00a0", "").strip());
    }

    @Test
    void first_start_opens_the_sample_and_shows_its_dashboard(FxRobot robot) {
        robot.interact(() -> EncoreApp.openInitialWarehouse(model));
        Label plays = find(robot, "#kpi-plays", Label.class);
        waitFor("the sample's plays", 60, () -> !plays.getText().equals("–"));

        Path db = model.warehouse().get();
        assertThat(find(robot, "#dashboard-error", Label.class).getText()).isEmpty();
        assertThat(db).isNotNull().exists();
        assertThat(number(plays.getText())).isEqualTo(Etl.count(db, "SELECT count(*) FROM songplays")).isPositive();
        @SuppressWarnings("unchecked")
        BarChart<String, Number> byHour = (BarChart<String, Number>) robot.from(window).lookup("#chart-by-hour").lookup(".chart").query();
        long sum = byHour.getData().get(0).getData().stream().mapToLong(d -> d.getYValue().longValue()).sum();
        assertThat(sum).isEqualTo(number(plays.getText()));
        assertThat(model.settings().warehouse).isEqualTo(db.toString());
    }

    private Path loadThroughTheDataView(FxRobot robot, Path root) {
        robot.clickOn(find(robot, "#nav-data", Node.class));
        Path db = tmp.resolve("ui.duckdb");
        robot.interact(() -> {
            find(robot, "#data-root", TextField.class).setText(root.toString());
            find(robot, "#warehouse-file", TextField.class).setText(db.toString());
        });
        robot.clickOn(find(robot, "#run-etl-button", Node.class));
        Label outcome = find(robot, "#etl-outcome", Label.class);
        Label error = find(robot, "#data-error", Label.class);
        waitFor("the load to finish", 90, () -> outcome.getText().startsWith("Loaded") || !error.getText().isEmpty());
        assertThat(error.getText()).isEmpty();
        return db;
    }

    @Test
    void a_load_of_sparkify_shows_the_summary_and_the_rejected_grid(FxRobot robot) throws IOException {
        Path root = tmp.resolve("sparkify");
        copyTree(TestData.sparkify(), root);
        Files.writeString(root.resolve("log_data/2018/11/2018-11-31-extra-events.json"),
            "{\"broken\": \n{\"page\":\"NextSong\",\"ts\":\"soon\",\"sessionId\":1,\"itemInSession\":0,\"userId\":\"1\"}\n");
        // the schema browser and the run history built (views are built when first shown) and hidden during the load
        robot.clickOn(find(robot, "#nav-explore", Node.class));
        robot.clickOn(find(robot, "#nav-pipeline", Node.class));

        Path db = loadThroughTheDataView(robot, root);

        ListView<?> checks = find(robot, "#summary-checks", ListView.class);
        waitFor("the checks of the summary", 10, () -> checks.getItems().size() == 18);
        assertThat(checks.getItems()).hasSize(18).allMatch(i -> i.toString().startsWith("PASS"));
        assertThat(robot.from(window).lookup("#summary-counts").lookup((Label l) -> l.getText().equals("6,820")).tryQuery()).isPresent();
        @SuppressWarnings("unchecked")
        TableView<List<Object>> rejected = find(robot, "#rejected-table", TableView.class);
        waitFor("the rejected rows", 30, () -> rejected.getItems().size() == 2);
        assertThat(rejected.getColumns()).extracting(c -> c.getText())
            .containsExactly("source_kind", "source_file", "line_number", "reason", "raw_text");
        assertThat(rejected.getItems()).extracting(r -> r.get(2) + " " + r.get(3)).containsExactly(
            "1 truncated JSON (unexpected end of input)", "2 field ts: expected an integer, got \"soon\"");
        assertThat(Etl.count(db, "SELECT count(*) FROM songplays")).isEqualTo(6820);
        assertThat(model.warehouse().get()).isEqualTo(db);
        // the dashboard, hidden while the load ran and its summary showed, refreshes once opened
        robot.clickOn(find(robot, "#nav-dashboard", Node.class));
        Label plays = find(robot, "#kpi-plays", Label.class);
        waitFor("the dashboard of the loaded warehouse", 30, () -> plays.getText().equals("6,820"));
        // so do the schema browser and the run history
        robot.clickOn(find(robot, "#nav-explore", Node.class));
        TreeView<?> schema = find(robot, "#schema-tree", TreeView.class);
        waitFor("the schema of the loaded warehouse", 30, () -> schema.getRoot() != null && schema.getRoot().getChildren().stream()
            .flatMap(g -> g.getChildren().stream()).anyMatch(t -> String.valueOf(t.getValue()).equals("songplays  (6,820 rows)")));
        robot.clickOn(find(robot, "#nav-pipeline", Node.class));
        @SuppressWarnings("unchecked")
        TableView<List<Object>> runs = robot.from(window).lookup("#runs-grid").lookup(".table-view").queryAs(TableView.class);
        waitFor("the run history of the loaded warehouse", 30, () -> runs.getItems().size() == 1
            && String.valueOf(runs.getItems().get(0).get(runs.getColumns().indexOf(runs.getColumns().stream()
                .filter(c -> c.getText().equals("new_songplays")).findFirst().orElseThrow()))).equals("6820"));
    }

    @Test
    void a_query_in_the_console_shows_its_rows(FxRobot robot) {
        Path db = tmp.resolve("q.duckdb");
        Etl.load(TestData.sample(), db);
        robot.interact(() -> model.open(db));
        robot.clickOn(find(robot, "#nav-explore", Node.class));
        robot.interact(() -> find(robot, "#sql-input", TextArea.class)
            .setText("SELECT level, count(*) AS plays FROM songplays GROUP BY level ORDER BY level"));
        robot.clickOn(find(robot, "#run-sql", Node.class));
        @SuppressWarnings("unchecked")
        TableView<List<Object>> grid = robot.from(window).lookup("#explore-view").lookup(".table-view").queryAs(TableView.class);
        waitFor("the query's rows", 30, () -> grid.getItems().size() == 2);
        assertThat(grid.getColumns()).extracting(c -> c.getText()).containsExactly("level", "plays");
        List<List<String>> expected = Etl.rows(db, "SELECT level, count(*) FROM songplays GROUP BY level ORDER BY level");
        assertThat(grid.getItems()).extracting(r -> List.of(String.valueOf(r.get(0)), String.valueOf(r.get(1))))
            .containsExactlyElementsOf(expected);

        robot.interact(() -> find(robot, "#sql-input", TextArea.class).setText("SELECT nope FROM songplays"));
        robot.clickOn(find(robot, "#run-sql", Node.class));
        Label error = find(robot, "#sql-error", Label.class);
        waitFor("the error", 30, () -> !error.getText().isEmpty());
        assertThat(error.getText()).contains("nope").contains("LINE 1: SELECT nope FROM songplays");
        // no rows of the earlier query under the error, and nothing left to cancel
        assertThat(grid.getItems()).isEmpty();
        assertThat(find(robot, "#cancel-sql", Button.class).isDisabled()).isTrue();
    }

    @Test
    void the_result_grid_pages_through_a_long_result_and_goes_to_a_row(FxRobot robot) {
        Path db = tmp.resolve("pages.duckdb");
        Etl.load(TestData.sample(), db);
        robot.interact(() -> model.open(db));
        robot.clickOn(find(robot, "#nav-explore", Node.class));
        // the tasks the console runs: a result of one page is one query, a longer one is counted after its first page shows
        List<String> tasks = new java.util.concurrent.CopyOnWriteArrayList<>();
        robot.interact(() -> model.runner().current().addListener((o, a, r) -> {
            if (r != null) {
                tasks.add(r.title());
            }
        }));
        robot.interact(() -> find(robot, "#sql-input", TextArea.class).setText("SELECT range AS n FROM range(1000)"));
        robot.clickOn(find(robot, "#run-sql", Node.class));
        Label oneRange = robot.from(find(robot, "#explore-view", Node.class)).lookup("#grid-range").queryAs(Label.class);
        waitFor("a result of one page", 30, () -> oneRange.getText().equals("Rows 1–1,000 of 1,000"));
        robot.interact(() -> find(robot, "#sql-input", TextArea.class).setText("SELECT range AS n FROM range(999)"));
        robot.clickOn(find(robot, "#run-sql", Node.class));
        waitFor("a result of less than a page", 30, () -> oneRange.getText().equals("Rows 1–999 of 999"));
        // exactly a page may have more: counted; less than a page: not
        assertThat(tasks).containsExactly("Query", "Counting rows", "Query");
        tasks.clear();
        robot.interact(() -> find(robot, "#sql-input", TextArea.class).setText("SELECT range * 3 AS n FROM range(2500) ORDER BY n"));
        robot.clickOn(find(robot, "#run-sql", Node.class));
        Node explore = find(robot, "#explore-view", Node.class);
        Label range = robot.from(explore).lookup("#grid-range").queryAs(Label.class);
        @SuppressWarnings("unchecked")
        TableView<List<Object>> grid = robot.from(explore).lookup(".table-view").queryAs(TableView.class);
        waitFor("the first page", 30, () -> range.getText().equals("Rows 1–1,000 of 2,500"));
        assertThat(grid.getItems()).hasSize(1000);
        assertThat(tasks).containsExactly("Query", "Counting rows");
        assertThat(robot.from(explore).lookup("#grid-first").queryButton().isDisabled()).isTrue();

        robot.clickOn(robot.from(explore).lookup("#grid-next").queryButton());
        waitFor("the second page", 30, () -> range.getText().equals("Rows 1,001–2,000 of 2,500"));
        assertThat(String.valueOf(grid.getItems().get(0).get(0))).isEqualTo("3000");

        robot.clickOn(robot.from(explore).lookup("#grid-last").queryButton());
        waitFor("the last page", 30, () -> range.getText().equals("Rows 2,001–2,500 of 2,500"));
        assertThat(grid.getItems()).hasSize(500);
        assertThat(String.valueOf(grid.getItems().get(499).get(0))).isEqualTo("7497");
        assertThat(robot.from(explore).lookup("#grid-next").queryButton().isDisabled()).isTrue();

        TextField goTo = robot.from(explore).lookup("#grid-goto").queryAs(TextField.class);
        robot.interact(() -> {
            goTo.setText("1,500");
            goTo.fireEvent(new javafx.event.ActionEvent());
        });
        waitFor("the page of row 1,500", 30, () -> range.getText().equals("Rows 1,001–2,000 of 2,500"));
        waitFor("row 1,500 selected", 10, () -> grid.getSelectionModel().getSelectedIndex() == 499);
        assertThat(String.valueOf(grid.getSelectionModel().getSelectedItem().get(0))).isEqualTo("4497");

        robot.interact(() -> {
            goTo.setText("2501");
            goTo.fireEvent(new javafx.event.ActionEvent());
        });
        assertThat(range.getText()).isEqualTo("Type a row number from 1 to 2,500");

        robot.clickOn(robot.from(explore).lookup("#grid-first").queryButton());
        waitFor("the first page again", 30, () -> range.getText().equals("Rows 1–1,000 of 2,500"));
        assertThat(String.valueOf(grid.getItems().get(0).get(0))).isEqualTo("0");
    }

    @Test
    void a_failed_load_says_why_in_its_view_and_in_the_task_log(FxRobot robot) throws IOException {
        Path notAFolder = Files.writeString(tmp.resolve("plain-file"), "x");
        robot.clickOn(find(robot, "#nav-data", Node.class));
        robot.interact(() -> {
            find(robot, "#data-root", TextField.class).setText(TestData.sample().toString());
            find(robot, "#warehouse-file", TextField.class).setText(notAFolder.resolve("w.duckdb").toString());
        });
        robot.clickOn(find(robot, "#run-etl-button", Node.class));
        Label error = find(robot, "#data-error", Label.class);
        waitFor("the load's error", 60, () -> !error.getText().isEmpty());
        assertThat(error.getText()).startsWith("Load failed").contains("plain-file");
        waitFor("the failure in the task log", 10, () -> model.log().stream()
            .anyMatch(p -> p.level() == encore.task.Progress.Level.ERROR && p.message().startsWith("Failed: ") && p.message().contains("plain-file")));
    }

    @Test
    void switching_a_dashboard_filter_changes_the_charts(FxRobot robot) {
        Path db = tmp.resolve("d.duckdb");
        Etl.load(TestData.sample(), db);
        robot.interact(() -> model.open(db));
        robot.clickOn(find(robot, "#nav-dashboard", Node.class));
        Label plays = find(robot, "#kpi-plays", Label.class);
        long all = Etl.count(db, "SELECT count(*) FROM songplays");
        waitFor("all plays", 30, () -> !plays.getText().equals("–") && number(plays.getText()) == all);

        @SuppressWarnings("unchecked")
        ComboBox<String> level = find(robot, "#filter-level", ComboBox.class);
        robot.interact(() -> level.getSelectionModel().select("paid"));
        long paid = Etl.count(db, "SELECT count(*) FROM songplays WHERE level = 'paid'");
        waitFor("paid plays", 30, () -> number(plays.getText()) == paid);
        assertThat(paid).isLessThan(all).isPositive();
        assertThat(find(robot, "#dashboard-error", Label.class).getText()).isEmpty();
        @SuppressWarnings("unchecked")
        BarChart<String, Number> byWeekday = (BarChart<String, Number>) robot.from(window).lookup("#chart-by-weekday").lookup(".chart").query();
        XYChart.Series<String, Number> s = byWeekday.getData().get(0);
        assertThat(s.getData().stream().mapToLong(d -> d.getYValue().longValue()).sum()).isEqualTo(paid);
    }

    @Test
    void cancelling_a_running_load_leaves_the_warehouse_as_it_was(FxRobot robot) {
        Path db = tmp.resolve("c.duckdb");
        Etl.load(TestData.sample(), db);
        var before = Etl.starTables(db);
        Path big = tmp.resolve("big");
        new DatasetGenerator(new GeneratorSpec(big, 20_000, 20, 200, 20_000, 5, LocalDate.of(2018, 12, 1), 0.3))
            .generate(ProgressListener.NONE, new Cancellation());

        robot.clickOn(find(robot, "#nav-data", Node.class));
        robot.interact(() -> {
            find(robot, "#data-root", TextField.class).setText(big.toString());
            find(robot, "#warehouse-file", TextField.class).setText(db.toString());
        });
        robot.clickOn(find(robot, "#run-etl-button", Node.class));
        Button cancel = find(robot, "#status-cancel", Button.class);
        waitFor("the load to start", 30, () -> cancel.isVisible());
        robot.interact(cancel::fire);
        Label outcome = find(robot, "#etl-outcome", Label.class);
        waitFor("the cancellation", 60, () -> outcome.getText().startsWith("Cancelled"));

        assertThat(Etl.starTables(db)).isEqualTo(before);
        assertThat(find(robot, "#data-error", Label.class).getText()).isEmpty();
    }

    @Test
    void a_load_from_s3_uses_the_chosen_profile_and_endpoint_and_remembers_no_secret(FxRobot robot) throws IOException {
        S3TestServer server = S3TestServer.get();
        String bucket = server.newBucket("ui");
        try (S3Clients clients = server.clients()) {
            S3Upload.tree(clients, TestData.sample(), bucket, "sample/", java.util.Set.of());
        }
        Path credentials = tmp.resolve("aws-credentials");
        Files.writeString(credentials, "[ui-test]\naws_access_key_id = " + S3TestServer.ACCESS_KEY
            + "\naws_secret_access_key = " + S3TestServer.SECRET_KEY + "\n");
        String oldCredentials = System.setProperty("aws.sharedCredentialsFile", credentials.toString());
        String oldConfig = System.setProperty("aws.configFile", tmp.resolve("no-aws-config").toString());
        try {
            robot.clickOn(find(robot, "#nav-data", Node.class));
            @SuppressWarnings("unchecked")
            ComboBox<String> profile = find(robot, "#s3-profile", ComboBox.class);
            robot.interact(() -> find(robot, "#data-view", DataView.class).viewModel().refreshProfiles());
            waitFor("the profiles of the credentials file", 30, () -> profile.getItems().contains("ui-test"));
            Path db = tmp.resolve("s3.duckdb");
            robot.interact(() -> {
                find(robot, "#data-root", TextField.class).setText("s3://" + bucket + "/sample");
                find(robot, "#warehouse-file", TextField.class).setText(db.toString());
                profile.setValue("ui-test");
                find(robot, "#s3-region", TextField.class).setText("us-east-1");
                find(robot, "#s3-endpoint", TextField.class).setText(server.endpoint().toString());
            });
            robot.clickOn(find(robot, "#run-etl-button", Node.class));
            Label outcome = find(robot, "#etl-outcome", Label.class);
            Label error = find(robot, "#data-error", Label.class);
            waitFor("the load from S3", 120, () -> outcome.getText().startsWith("Loaded") || !error.getText().isEmpty());
            assertThat(error.getText()).isEmpty();

            Path local = tmp.resolve("local.duckdb");
            Etl.load(TestData.sample(), local);
            assertThat(Etl.starTables(db)).isEqualTo(Etl.starTables(local));
            assertThat(model.log()).anyMatch(p -> p.step().equals("fetch"));
            assertThat(model.settings().s3Profile).isEqualTo("ui-test");
            assertThat(model.settings().s3Endpoint).isEqualTo(server.endpoint().toString());
            model.close();
            assertThat(Files.readString(UserSettings.file())).contains("s3.profile=ui-test")
                .doesNotContain(S3TestServer.SECRET_KEY).doesNotContain(S3TestServer.ACCESS_KEY);
        } finally {
            restore("aws.sharedCredentialsFile", oldCredentials);
            restore("aws.configFile", oldConfig);
        }
    }

    private static void restore(String key, String value) {
        if (value == null) {
            System.clearProperty(key);
        } else {
            System.setProperty(key, value);
        }
    }

    @Test
    void the_lake_view_exports_to_s3_with_the_data_views_s3_settings_and_opens_the_lake_from_there(FxRobot robot) throws IOException {
        S3TestServer server = S3TestServer.get();
        String bucket = server.newBucket("ui-lake");
        Path credentials = tmp.resolve("aws-credentials-lake");
        Files.writeString(credentials, "[ui-lake]\naws_access_key_id = " + S3TestServer.ACCESS_KEY
            + "\naws_secret_access_key = " + S3TestServer.SECRET_KEY + "\n");
        String oldCredentials = System.setProperty("aws.sharedCredentialsFile", credentials.toString());
        String oldConfig = System.setProperty("aws.configFile", tmp.resolve("no-aws-config").toString());
        try {
            Path db = tmp.resolve("s3-lake.duckdb");
            Etl.load(TestData.sample(), db);
            robot.interact(() -> {
                model.settings().s3Profile = "ui-lake";
                model.settings().s3Region = "us-east-1";
                model.settings().s3Endpoint = server.endpoint().toString();
                model.open(db);
            });
            robot.clickOn(find(robot, "#nav-lake", Node.class));
            String to = "s3://" + bucket + "/lake";
            robot.interact(() -> find(robot, "#lake-destination", TextField.class).setText(to));
            robot.clickOn(find(robot, "#export-lake", Node.class));
            Label outcome = find(robot, "#lake-outcome", Label.class);
            Label error = find(robot, "#lake-error", Label.class);
            waitFor("the export to S3", 90, () -> outcome.getText().startsWith("Published") || !error.getText().isEmpty());
            assertThat(error.getText()).isEmpty();
            assertThat(outcome.getText()).contains(to + "/");
            try (S3Clients clients = server.clients()) {
                assertThat(clients.sync().headObject(b -> b.bucket(bucket).key("lake/_SUCCESS")).sdkHttpResponse().isSuccessful()).isTrue();
            }

            robot.clickOn(find(robot, "#open-lake", Node.class));
            waitFor("the lake from S3", 90, () -> outcome.getText().startsWith("Opened") || !error.getText().isEmpty());
            assertThat(error.getText()).isEmpty();
            Path local = model.warehouse().get();
            assertThat(local).startsWith(encore.config.AppDirs.s3Cache());
            assertThat(Etl.starTables(local)).isEqualTo(Etl.starTables(db));
        } finally {
            restore("aws.sharedCredentialsFile", oldCredentials);
            restore("aws.configFile", oldConfig);
        }
    }

    @Test
    void a_lake_exported_from_the_lake_view_opens_as_the_source_of_explore_and_the_dashboard(FxRobot robot) {
        Path db = tmp.resolve("l.duckdb");
        Etl.load(TestData.sample(), db);
        robot.interact(() -> model.open(db));
        robot.clickOn(find(robot, "#nav-lake", Node.class));
        assertThat(find(robot, "#lake-warehouse", TextField.class).getText()).isEqualTo(db.toString());
        Path lake = tmp.resolve("lake");
        robot.interact(() -> find(robot, "#lake-destination", TextField.class).setText(lake.toString()));
        robot.clickOn(find(robot, "#export-lake", Node.class));
        Label outcome = find(robot, "#lake-outcome", Label.class);
        Label error = find(robot, "#lake-error", Label.class);
        waitFor("the export", 60, () -> outcome.getText().startsWith("Published") || !error.getText().isEmpty());
        assertThat(error.getText()).isEmpty();
        assertThat(lake.resolve("_SUCCESS")).exists();
        @SuppressWarnings("unchecked")
        TableView<encore.lake.LakeManifest.Table> tables = find(robot, "#lake-tables", TableView.class);
        assertThat(tables.getItems()).extracting(t -> t.name() + " " + t.rows()).containsExactly(
            "users " + Etl.count(db, "SELECT count(*) FROM users"), "artists " + Etl.count(db, "SELECT count(*) FROM artists"),
            "songs " + Etl.count(db, "SELECT count(*) FROM songs"), "time " + Etl.count(db, "SELECT count(*) FROM \"time\""),
            "songplays " + Etl.count(db, "SELECT count(*) FROM songplays"));
        assertThat(outcome.getText()).contains(String.format("%,d partitions", tables.getItems().stream().mapToLong(t -> t.partitions()).sum()));

        robot.clickOn(find(robot, "#open-lake", Node.class));
        assertThat(model.warehouse().get()).isEqualTo(lake.toAbsolutePath().normalize());
        robot.clickOn(find(robot, "#nav-dashboard", Node.class));
        Label plays = find(robot, "#kpi-plays", Label.class);
        long all = Etl.count(db, "SELECT count(*) FROM songplays");
        waitFor("the lake's plays", 60, () -> !plays.getText().equals("–") && number(plays.getText()) == all);
        assertThat(find(robot, "#dashboard-error", Label.class).getText()).isEmpty();

        robot.clickOn(find(robot, "#nav-explore", Node.class));
        robot.interact(() -> find(robot, "#sql-input", TextArea.class).setText("SELECT level, count(*) AS plays FROM songplays GROUP BY 1 ORDER BY 1"));
        robot.clickOn(find(robot, "#run-sql", Node.class));
        @SuppressWarnings("unchecked")
        TableView<List<Object>> grid = robot.from(window).lookup("#explore-view").lookup(".table-view").queryAs(TableView.class);
        waitFor("the lake query's rows", 30, () -> grid.getItems().size() == 2);
        assertThat(grid.getItems()).extracting(r -> List.of(String.valueOf(r.get(0)), String.valueOf(r.get(1))))
            .containsExactlyElementsOf(Etl.rows(db, "SELECT level, count(*) FROM songplays GROUP BY 1 ORDER BY 1"));
        // the console cannot write through a lake, not even behind a semicolon in the wrapped query
        robot.interact(() -> find(robot, "#sql-input", TextArea.class)
            .setText("SELECT 1); COPY songs TO '" + lake.resolve("x.csv") + "'; SELECT (1"));
        robot.clickOn(find(robot, "#run-sql", Node.class));
        Label sqlError = find(robot, "#sql-error", Label.class);
        waitFor("the refusal", 30, () -> !sqlError.getText().isEmpty());
        assertThat(sqlError.getText()).contains("syntax error");
        assertThat(lake.resolve("x.csv")).doesNotExist();
        // nor as a statement of its own
        robot.interact(() -> find(robot, "#sql-input", TextArea.class).setText("COPY songs TO '" + lake.resolve("x.csv") + "'"));
        robot.clickOn(find(robot, "#run-sql", Node.class));
        waitFor("the second refusal", 30, () -> sqlError.getText().contains("only SELECT"));
        assertThat(lake.resolve("x.csv")).doesNotExist();
    }

    @Test
    void the_lake_view_warns_before_a_classic_layout_of_many_partitions_and_offers_compact(FxRobot robot) {
        Path data = tmp.resolve("many-songs");
        new DatasetGenerator(new GeneratorSpec(data, 17_000, 1, 20, 300, 3, LocalDate.of(2018, 11, 1), 0.3))
            .generate(ProgressListener.NONE, new Cancellation());
        Path db = tmp.resolve("many.duckdb");
        Etl.load(data, db);
        long partitions = Etl.count(db, "SELECT count(*) FROM (SELECT DISTINCT year, artist_id FROM songs)");
        assertThat(partitions).isGreaterThan(encore.lake.LakeExport.MANY_PARTITIONS);

        robot.interact(() -> model.open(db));
        robot.clickOn(find(robot, "#nav-lake", Node.class));
        Path lake = tmp.resolve("many-lake");
        robot.interact(() -> {
            find(robot, "#lake-destination", TextField.class).setText(lake.toString());
            @SuppressWarnings("unchecked")
            javafx.scene.control.ChoiceBox<encore.lake.LakeLayout> layout = find(robot, "#lake-layout", javafx.scene.control.ChoiceBox.class);
            layout.setValue(encore.lake.LakeLayout.CLASSIC);
        });
        robot.clickOn(find(robot, "#export-lake", Node.class));
        Node warning = find(robot, "#lake-warning", Node.class);
        waitFor("the warning", 60, () -> warning.isVisible());
        assertThat(find(robot, "#lake-warning-text", Label.class).getText()).contains(String.format("%,d partitions", partitions));
        assertThat(lake).doesNotExist();

        robot.clickOn(find(robot, "#use-compact", Node.class));
        Label outcome = find(robot, "#lake-outcome", Label.class);
        Label error = find(robot, "#lake-error", Label.class);
        waitFor("the compact export", 90, () -> outcome.getText().startsWith("Published") || !error.getText().isEmpty());
        assertThat(error.getText()).isEmpty();
        assertThat(warning.isVisible()).isFalse();
        assertThat(encore.lake.LakeManifest.read(lake).layout()).isEqualTo(encore.lake.LakeLayout.COMPACT);
        assertThat(Etl.count(lake, "SELECT count(*) FROM songs")).isEqualTo(17_000);
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.toList()) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target);
                }
            }
        }
    }
}
