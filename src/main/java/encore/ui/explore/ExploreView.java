package encore.ui.explore;

import encore.ui.AppModel;
import encore.ui.Fx;
import encore.warehouse.PagedQuery;
import encore.warehouse.ResultExport;
import encore.warehouse.SchemaBrowser;
import encore.warehouse.Warehouse;
import encore.warehouse.WarehouseSettings;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

/** Explore: the schema browser, the SQL console, and the result grid. */
public final class ExploreView extends SplitPane {

    private final AppModel model;
    final TreeView<String> schema = new TreeView<>();
    final TextArea sql = new TextArea();
    final Label error = new Label();
    /** What finished well (an export), in the normal text colour: errors have their own label. */
    final Label notice = new Label();
    final PagedGrid grid;
    final ComboBox<String> history = new ComboBox<>();
    final Button run = new Button("Run");
    final Button cancel = new Button("Cancel");

    public ExploreView(AppModel model) {
        this.model = model;
        this.grid = new PagedGrid(model);
        setId("explore-view");
        schema.setId("schema-tree");
        schema.setShowRoot(false);
        schema.setRoot(new TreeItem<>("tables"));
        schema.setOnMouseClicked(e -> {
            TreeItem<String> item = schema.getSelectionModel().getSelectedItem();
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && item != null && item.getParent() != null
                && item.getParent().getParent() == schema.getRoot()) {
                String table = (String) item.getGraphic().getUserData();
                sql.setText("SELECT * FROM " + ("time".equals(table) ? "\"time\"" : table));
                runQuery();
            }
        });
        VBox left = new VBox(6, Fx.heading("Tables"), schema);
        left.setPadding(new Insets(12, 6, 12, 12));
        VBox.setVgrow(schema, Priority.ALWAYS);

        sql.setId("sql-input");
        sql.setPromptText("SELECT … (Ctrl+Enter runs)");
        sql.setPrefRowCount(6);
        sql.setStyle("-fx-font-family: monospace;");
        sql.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (new KeyCodeCombination(KeyCode.ENTER, KeyCombination.SHORTCUT_DOWN).match(e)) {
                runQuery();
                e.consume();
            }
        });
        run.setId("run-sql");
        run.setOnAction(e -> runQuery());
        cancel.setId("cancel-sql");
        cancel.setDisable(true);
        cancel.setOnAction(e -> {
            var r = model.runner().current().get();
            if (r != null) {
                r.cancel().cancel();
            }
            cancel.setDisable(true);
        });
        history.setId("sql-history");
        history.setPromptText("History");
        history.setPrefWidth(320);
        history.getItems().setAll(model.settings().queryHistory);
        history.setOnAction(e -> {
            if (history.getValue() != null) {
                sql.setText(history.getValue());
            }
        });
        Button csv = new Button("Export CSV…");
        csv.setOnAction(e -> export("csv"));
        Button parquet = new Button("Export Parquet…");
        parquet.setOnAction(e -> export("parquet"));
        error.setId("sql-error");
        error.getStyleClass().add("error");
        error.setWrapText(true);
        error.setStyle("-fx-font-family: monospace;");
        HBox bar = new HBox(8, run, cancel, history, csv, parquet);
        grid.onError(e -> {
            error.setText(Fx.message(e));
            cancel.setDisable(true);
        });
        grid.onLoaded(() -> cancel.setDisable(true));
        notice.setId("sql-notice");
        notice.managedProperty().bind(notice.textProperty().isNotEmpty());
        VBox right = new VBox(6, Fx.heading("SQL"), sql, bar, error, notice, grid);
        right.setPadding(new Insets(12, 12, 12, 6));
        VBox.setVgrow(grid, Priority.ALWAYS);

        getItems().addAll(left, right);
        setDividerPositions(0.24);
        setOrientation(Orientation.HORIZONTAL);

        model.refreshWhenShown(AppModel.Page.EXPLORE, this::refreshSchema);
        refreshSchema();
        model.onExploreRequest(q -> {
            sql.setText(q.displaySql());
            error.setText("");
            grid.load(model.warehouse().get(), q);
        });
    }

    void runQuery() {
        notice.setText("");
        Path db = model.warehouse().get();
        String text = sql.getText() == null ? "" : sql.getText().strip();
        if (db == null || text.isEmpty()) {
            error.setText(db == null ? "Open a warehouse first (Data view)" : "Type a query");
            return;
        }
        error.setText("");
        model.settings().remember(text);
        model.saveSettings();
        history.getItems().setAll(model.settings().queryHistory);
        cancel.setDisable(false);
        grid.load(db, PagedQuery.of(text));
    }

    private void export(String ext) {
        PagedQuery q = grid.query();
        Path db = model.warehouse().get();
        if (q == null || db == null) {
            error.setText("Run a query first");
            return;
        }
        if (Warehouse.isLake(db)) {
            error.setText("A lake is opened read-only, so results cannot be exported from it — open the warehouse it came from to export");
            return;
        }
        FileChooser fc = new FileChooser();
        fc.setInitialFileName("result." + ext);
        File f = fc.showSaveDialog(getScene().getWindow());
        if (f == null) {
            return;
        }
        Path out = f.toPath();
        model.runner().run("Export", true, (p, c) -> {
            try (Warehouse w = Warehouse.openForExport(db, WarehouseSettings.defaults())) {
                return ResultExport.export(w, q, out, ResultExport.formatOf(out));
            }
        }, n -> {
            error.setText("");
            notice.setText(String.format("Exported %,d rows to %s", n, out));
        }, e -> {
            notice.setText("");
            error.setText(Fx.message(e));
        }, () -> { });
    }

    void refreshSchema() {
        Path db = model.warehouse().get();
        if (db == null) {
            return;
        }
        model.runner().run("Schema", false, (p, c) -> {
            try (Warehouse w = Warehouse.openReadOnly(db, WarehouseSettings.defaults())) {
                return SchemaBrowser.tables(w);
            }
        }, this::showSchema, e -> error.setText(Fx.message(e)), () -> { });
    }

    private void showSchema(List<SchemaBrowser.Table> tables) {
        TreeItem<String> root = new TreeItem<>("tables");
        String group = null;
        TreeItem<String> groupItem = null;
        for (SchemaBrowser.Table t : tables) {
            if (!t.group().equals(group)) {
                group = t.group();
                groupItem = new TreeItem<>(group);
                groupItem.setExpanded(true);
                root.getChildren().add(groupItem);
            }
            Label tag = new Label();
            tag.setUserData(t.name());
            TreeItem<String> item = new TreeItem<>(String.format("%s  (%,d %s)", t.name(), t.rows(), t.rows() == 1 ? "row" : "rows"), tag);
            for (SchemaBrowser.Column c : t.columns()) {
                item.getChildren().add(new TreeItem<>(c.name() + " : " + c.type()));
            }
            groupItem.getChildren().add(item);
        }
        schema.setRoot(root);
    }
}
