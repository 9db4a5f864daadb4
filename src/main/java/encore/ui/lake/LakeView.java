package encore.ui.lake;

import encore.lake.LakeCompression;
import encore.lake.LakeLayout;
import encore.lake.LakeManifest;
import encore.lake.PublishMode;
import encore.ui.AppModel;
import encore.ui.Fx;
import java.io.File;
import java.util.Locale;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.util.StringConverter;

/** Lake: export the warehouse to a partitioned Parquet lake, and open a lake read-only. */
public final class LakeView extends VBox {

    final LakeViewModel vm;
    final TableView<LakeManifest.Table> tables = new TableView<>();

    public LakeView(AppModel model) {
        this.vm = new LakeViewModel(model);
        setSpacing(8);
        setPadding(new Insets(12));
        setId("lake-view");

        GridPane form = new GridPane();
        form.setHgap(8);
        form.setVgap(6);
        TextField db = Fx.field("lake-warehouse", vm.warehouse, "the warehouse to export (.duckdb)");
        Button chooseDb = new Button("Choose…");
        chooseDb.setOnAction(e -> {
            FileChooser fc = new FileChooser();
            fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("DuckDB warehouse", "*.duckdb"));
            File f = fc.showOpenDialog(getScene().getWindow());
            if (f != null) {
                vm.warehouse.set(f.toPath().toString());
            }
        });
        TextField to = Fx.field("lake-destination", vm.destination, "a folder or s3://bucket/prefix (S3 profile, region and endpoint as set in the Data view)");
        Button chooseTo = new Button("Browse…");
        chooseTo.setOnAction(e -> {
            File f = new DirectoryChooser().showDialog(getScene().getWindow());
            if (f != null) {
                vm.destination.set(f.toPath().toString());
            }
        });
        ChoiceBox<LakeLayout> layout = choice("lake-layout", LakeLayout.values());
        layout.valueProperty().bindBidirectional(vm.layout);
        ChoiceBox<PublishMode> mode = choice("lake-mode", PublishMode.values());
        mode.valueProperty().bindBidirectional(vm.mode);
        ChoiceBox<LakeCompression> codec = choice("lake-compression", LakeCompression.values());
        codec.valueProperty().bindBidirectional(vm.compression);
        form.addRow(0, new Label("Warehouse"), db, chooseDb);
        form.addRow(1, new Label("Destination"), to, chooseTo);
        form.addRow(2, new Label("Songs layout"), withHint(layout, "compact: by year, sorted by artist · classic: by year and artist"));
        form.addRow(3, new Label("Mode"), withHint(mode, "overwrite the lake, or replace only this run's partitions"));
        form.addRow(4, new Label("Compression"), withHint(codec, "snappy: widest reader support"));
        // the labels' column never narrower than its labels
        javafx.scene.layout.ColumnConstraints labels = new javafx.scene.layout.ColumnConstraints();
        labels.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        form.getColumnConstraints().add(labels);
        GridPane.setHgrow(db, Priority.ALWAYS);

        Button export = new Button("Export");
        export.setId("export-lake");
        export.setDefaultButton(true);
        export.setOnAction(e -> vm.export());
        export.disableProperty().bind(vm.busy);
        Button open = new Button("Open lake");
        open.setId("open-lake");
        open.setOnAction(e -> vm.openLake());
        open.disableProperty().bind(vm.busy);
        ProgressBar progress = new ProgressBar(0);
        progress.setId("lake-progress");
        progress.setPrefWidth(220);
        progress.visibleProperty().bind(vm.running.isNotNull());
        Label message = new Label();
        message.setId("lake-message");
        vm.running.addListener((o, a, r) -> {
            progress.progressProperty().unbind();
            message.textProperty().unbind();
            if (r != null) {
                progress.progressProperty().bind(r.task().progressProperty());
                message.textProperty().bind(r.task().messageProperty());
            } else {
                message.setText("");
            }
        });
        HBox actions = new HBox(8, export, open, progress, message);

        Label warning = new Label();
        warning.setId("lake-warning-text");
        warning.setWrapText(true);
        warning.textProperty().bind(vm.warning);
        Button anyway = new Button("Write classic anyway");
        anyway.setId("classic-anyway");
        anyway.setOnAction(e -> vm.exportClassicAnyway());
        Button compact = new Button("Use compact");
        compact.setId("use-compact");
        compact.setOnAction(e -> vm.exportCompactInstead());
        VBox warningBox = new VBox(6, warning, new HBox(8, compact, anyway));
        warningBox.setId("lake-warning");
        warningBox.getStyleClass().add("warning");
        warningBox.visibleProperty().bind(vm.warning.isNotEmpty());
        warningBox.managedProperty().bind(warningBox.visibleProperty());

        Label error = new Label();
        error.setId("lake-error");
        error.getStyleClass().add("error");
        error.setWrapText(true);
        error.textProperty().bind(vm.error);
        Label outcome = new Label();
        outcome.setId("lake-outcome");
        outcome.setWrapText(true);
        outcome.textProperty().bind(vm.outcome);

        tables.setId("lake-tables");
        tables.getColumns().add(column("table", t -> t.name()));
        tables.getColumns().add(column("partitioned by", t -> String.join(", ", t.partitionBy())));
        tables.getColumns().add(column("partitions", t -> String.format("%,d", t.partitions())));
        tables.getColumns().add(column("files", t -> String.format("%,d", t.files())));
        tables.getColumns().add(column("rows", t -> String.format("%,d", t.rows())));
        tables.getColumns().add(column("bytes", t -> String.format("%,d", t.bytes())));
        tables.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        VBox.setVgrow(tables, Priority.ALWAYS);
        vm.summary.addListener((o, a, s) -> tables.getItems().setAll(s == null ? java.util.List.of() : s.tables()));

        getChildren().addAll(Fx.heading("Lake"), form, actions, warningBox, error, outcome, Fx.heading("Result"), tables);
    }

    private static <E extends Enum<E>> ChoiceBox<E> choice(String id, E[] values) {
        ChoiceBox<E> box = new ChoiceBox<>();
        box.setId(id);
        box.getItems().setAll(values);
        box.setConverter(new StringConverter<>() {
            @Override
            public String toString(E e) {
                return e == null ? "" : e.name().toLowerCase(Locale.ROOT);
            }

            @Override
            public E fromString(String s) {
                return null;
            }
        });
        return box;
    }

    private static TableColumn<LakeManifest.Table, String> column(String name, java.util.function.Function<LakeManifest.Table, String> value) {
        TableColumn<LakeManifest.Table, String> c = new TableColumn<>(name);
        c.setCellValueFactory(t -> new ReadOnlyObjectWrapper<>(value.apply(t.getValue())));
        return c;
    }

    /** A choice and its hint beside it, across the form's field and button columns. */
    private static javafx.scene.layout.HBox withHint(javafx.scene.Node choice, String hint) {
        Label text = new Label(hint);
        text.getStyleClass().add("hint");
        javafx.scene.layout.HBox box = new javafx.scene.layout.HBox(10, choice, text);
        box.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        GridPane.setColumnSpan(box, 2);
        return box;
    }
}
