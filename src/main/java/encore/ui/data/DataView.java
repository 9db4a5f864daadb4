package encore.ui.data;

import encore.pipeline.EtlSummary;
import encore.source.EventRecord;
import encore.source.SongRecord;
import encore.source.SourcePreview;
import encore.ui.AppModel;
import encore.ui.Fx;
import encore.ui.Records;
import encore.ui.explore.PagedGrid;
import encore.warehouse.CheckResult;
import encore.warehouse.PagedQuery;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javafx.beans.property.StringProperty;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TitledPane;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;

/** Data: choose the input, preview it, and load it into a warehouse. */
public final class DataView extends VBox {

    final DataViewModel vm;
    final TableView<List<Object>> events = new TableView<>();
    final TableView<List<Object>> songs = new TableView<>();
    final ListView<String> warnings = new ListView<>();
    final Label found = new Label("Choose a data folder and press Preview.");
    final GridPane counts = new GridPane();
    final ListView<String> checks = new ListView<>();
    final PagedGrid rejected;

    public DataView(AppModel model) {
        this.vm = new DataViewModel(model);
        this.rejected = new PagedGrid(model);
        setSpacing(8);
        setPadding(new Insets(12));
        setId("data-view");

        GridPane input = new GridPane();
        input.setHgap(8);
        input.setVgap(6);
        input.addRow(0, new Label("Data folder"), Fx.field("data-root", vm.root, "folder or s3://bucket/prefix holding song_data/ and log_data/"), folderButton(vm.root));
        input.addRow(1, new Label("or songs"), Fx.field("songs-folder", vm.songs, "song_data folder or s3://bucket/prefix"), folderButton(vm.songs));
        input.addRow(2, new Label("and logs"), Fx.field("logs-folder", vm.logs, "log_data folder or s3://bucket/prefix"), folderButton(vm.logs));
        TextField db = Fx.field("warehouse-file", vm.warehouse, "warehouse file, e.g. sparkify.duckdb");
        Button chooseDb = new Button("Choose…");
        chooseDb.setOnAction(e -> {
            FileChooser fc = new FileChooser();
            fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("DuckDB warehouse", "*.duckdb"));
            File f = fc.showSaveDialog(getScene().getWindow());
            if (f != null) {
                vm.warehouse.set(f.toPath().toString());
            }
        });
        input.addRow(3, new Label("Warehouse"), db, chooseDb);
        GridPane.setHgrow(db, Priority.ALWAYS);

        Button preview = new Button("Preview");
        preview.setId("preview-button");
        preview.setOnAction(e -> vm.preview());
        Button load = new Button("Run ETL");
        load.setId("run-etl-button");
        load.setDefaultButton(true);
        load.setOnAction(e -> vm.runEtl());
        preview.disableProperty().bind(vm.busy);
        load.disableProperty().bind(vm.busy);
        Label error = new Label();
        error.setId("data-error");
        error.getStyleClass().add("error");
        error.textProperty().bind(vm.error);
        error.setWrapText(true);
        // all of a long message (what is wrong and what to do), never cut to one line
        error.setMinHeight(Region.USE_PREF_SIZE);
        Label outcome = new Label();
        outcome.setId("etl-outcome");
        outcome.textProperty().bind(vm.outcome);
        HBox actions = new HBox(8, preview, load, outcome);

        found.setId("preview-found");
        found.setWrapText(true);
        found.setMinHeight(Region.USE_PREF_SIZE);
        events.setPlaceholder(new Label("Press Preview to see the first events"));
        songs.setPlaceholder(new Label("Press Preview to see the first songs"));
        warnings.setId("preview-warnings");
        warnings.setPrefHeight(70);
        events.setId("preview-events");
        songs.setId("preview-songs");
        counts.setId("summary-counts");
        counts.setHgap(16);
        checks.setId("summary-checks");
        rejected.setId("rejected-grid");
        rejected.table().setId("rejected-table");

        TabPane tabs = new TabPane(
            new Tab("Events (preview)", events),
            new Tab("Songs (preview)", songs),
            new Tab("Load summary", new HBox(16, new VBox(6, Fx.heading("Rows per table"), counts), grow(new VBox(6, Fx.heading("Quality checks"), checks)))),
            new Tab("Rejected records", rejected));
        tabs.setId("data-tabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        VBox.setVgrow(tabs, Priority.ALWAYS);

        getChildren().addAll(Fx.heading("Data"), input, s3Settings(), actions, error, found, warnings, tabs);

        vm.preview.addListener((o, a, r) -> showPreview(r));
        vm.summary.addListener((o, a, s) -> {
            if (s == null) {
                // a new run: nothing of the previous one's summary stays beside its outcome
                counts.getChildren().clear();
                checks.getItems().clear();
                rejected.clear();
                return;
            }
            // the tab first, its contents in the frames after: no single frame holds all the
            // CSS, layout and drawing of a newly shown page (the load may still be finishing)
            tabs.getSelectionModel().select(s.rejected() > 0 ? 3 : 2);
            Fx.afterPulses(1, () -> showSummary(s));
        });
    }

    /**
     * Profile, region and endpoint for s3:// locations. Credentials are not entered here: they
     * come from the AWS settings (environment, ~/.aws files, SSO, roles) and are never shown or stored.
     */
    private TitledPane s3Settings() {
        ComboBox<String> profile = new ComboBox<>(vm.profiles);
        profile.setId("s3-profile");
        profile.setEditable(true);
        profile.setPromptText("AWS_PROFILE or default");
        profile.valueProperty().bindBidirectional(vm.s3Profile);
        profile.setOnShowing(e -> vm.refreshProfiles());
        TextField region = Fx.field("s3-region", vm.s3Region, "AWS_REGION or the profile's region");
        region.setPrefColumnCount(16);
        TextField endpoint = Fx.field("s3-endpoint", vm.s3Endpoint, "AWS_ENDPOINT_URL_S3, or AWS itself");
        endpoint.setPrefColumnCount(28);
        Label note = new Label("Credentials come from the AWS settings (environment, ~/.aws/config and credentials, SSO, roles); "
            + "Encore stores only the profile, region and endpoint. With an endpoint, requests are path-style.");
        note.setWrapText(true);
        note.getStyleClass().add("hint");
        HBox row = new HBox(8, new Label("Profile"), profile, new Label("Region"), region, new Label("Endpoint"), endpoint);
        row.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        TitledPane pane = new TitledPane("S3 settings", new VBox(6, row, note));
        pane.setId("s3-settings");
        pane.setExpanded(!vm.s3Profile.get().isBlank() || !vm.s3Endpoint.get().isBlank() || !vm.s3Region.get().isBlank());
        vm.refreshProfiles();
        return pane;
    }

    public DataViewModel viewModel() {
        return vm;
    }

    private static VBox grow(VBox box) {
        HBox.setHgrow(box, Priority.ALWAYS);
        return box;
    }

    private Button folderButton(StringProperty target) {
        Button b = new Button("Browse…");
        b.setOnAction(e -> {
            DirectoryChooser dc = new DirectoryChooser();
            if (!target.get().isBlank() && new File(target.get()).isDirectory()) {
                dc.setInitialDirectory(new File(target.get()));
            }
            File f = dc.showDialog(getScene().getWindow());
            if (f != null) {
                target.set(f.toPath().toString());
            }
        });
        return b;
    }

    private void showPreview(SourcePreview.Result r) {
        if (r == null) {
            // the folders changed: what was found in the old ones no longer applies
            found.setText("Press Preview to see what the folders hold.");
            warnings.getItems().clear();
            for (TableView<List<Object>> t : List.of(events, songs)) {
                t.getItems().clear();
                t.getColumns().clear();
            }
            return;
        }
        found.setText("Found " + r.inventory().describe());
        warnings.getItems().setAll(r.warnings().isEmpty() ? List.of("No warnings") : r.warnings());
        Fx.fill(events, Records.toResult(EventRecord.class, r.events()));
        Fx.fill(songs, Records.toResult(SongRecord.class, r.songs()));
    }

    private void showSummary(EtlSummary s) {
        counts.getChildren().clear();
        int row = 0;
        for (Map.Entry<String, Long> e : s.tables().entrySet()) {
            counts.addRow(row++, new Label(e.getKey()), new Label(String.format("%,d", e.getValue())));
        }
        counts.addRow(row, new Label("rejected"), new Label(String.format("%,d", s.rejected())));
        Fx.afterPulses(1, () -> checks.getItems().setAll(s.checks().stream().map(CheckResult::describe).toList()));
        // the rejected grid (a query, then a new table) a few frames later, once the summary is drawn
        Fx.afterPulses(3, () -> rejected.load(Path.of(s.database()), PagedQuery.of(
            "SELECT source_kind, source_file, line_number, reason, raw_text FROM rejected_records ORDER BY source_file, line_number")));
    }
}
