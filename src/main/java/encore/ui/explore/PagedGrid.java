package encore.ui.explore;

import encore.ui.AppModel;
import encore.ui.Fx;
import encore.warehouse.PagedQuery;
import encore.warehouse.QueryResult;
import encore.warehouse.Warehouse;
import encore.warehouse.WarehouseSettings;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * A result grid that holds one page of rows at a time: the table virtualises what is on screen,
 * the grid fetches the next page in the background when asked. Smooth on ten million rows.
 */
public final class PagedGrid extends VBox {

    public static final int PAGE_SIZE = 1_000;

    private final AppModel model;
    private final TableView<List<Object>> table = new TableView<>();
    private final Label range = new Label("No rows");
    private final Button first = new Button("◀◀ First");
    private final Button previous = new Button("◀ Previous");
    private final Button next = new Button("Next ▶");
    private final Button last = new Button("Last ▶▶");
    private final TextField goTo = new TextField();
    /** Only the page asked for last is shown, when pages arrive out of order. */
    private long requested;
    private PagedQuery query;
    private Path db;
    private long total;
    /** The total while the rows are being counted. */
    private static final long UNKNOWN = -1;
    private long offset;
    private Consumer<Throwable> onError = e -> { };
    private Runnable onLoaded = () -> { };

    public PagedGrid(AppModel model) {
        this.model = model;
        table.setPlaceholder(new Label("No rows"));
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        range.setId("grid-range");
        first.setId("grid-first");
        previous.setId("grid-previous");
        next.setId("grid-next");
        last.setId("grid-last");
        goTo.setId("grid-goto");
        goTo.setPromptText("Go to row");
        goTo.setPrefColumnCount(9);
        first.setOnAction(e -> show(0, 0));
        previous.setOnAction(e -> show(Math.max(0, offset - PAGE_SIZE), 0));
        next.setOnAction(e -> show(offset + PAGE_SIZE, 0));
        last.setOnAction(e -> show(lastPage(), 0));
        goTo.setOnAction(e -> goToRow(goTo.getText()));
        HBox bar = new HBox(8, first, previous, next, last, goTo, range);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(4, 0, 0, 0));
        VBox.setVgrow(table, Priority.ALWAYS);
        getChildren().addAll(table, bar);
        updateButtons();
    }

    public TableView<List<Object>> table() {
        return table;
    }

    public PagedQuery query() {
        return query;
    }

    public long total() {
        return total;
    }

    public void onError(Consumer<Throwable> handler) {
        this.onError = handler;
    }

    public void onLoaded(Runnable handler) {
        this.onLoaded = handler;
    }

    /**
     * Shows the query's first page, then, if there may be more, counts its rows in a task of its
     * own: a result that fits one page runs once, and a long one shows its first rows without
     * waiting for the count.
     */
    public void load(Path warehouse, PagedQuery q) {
        this.db = warehouse;
        this.query = q;
        ++requested;
        range.setText("Running…");
        model.runner().run("Query", true, (p, c) -> {
            try (Warehouse w = Warehouse.openReadOnly(warehouse, WarehouseSettings.defaults())) {
                q.check(w);
                return q.page(w, 0, PAGE_SIZE, c);
            }
        }, first -> {
            if (q != query) {
                return;
            }
            offset = 0;
            Fx.fill(table, first);
            if (first.rows().size() < PAGE_SIZE) {
                total = first.rows().size();
                updateButtons();
                onLoaded.run();
                return;
            }
            total = UNKNOWN;
            updateButtons();
            count(warehouse, q);
        }, e -> {
            if (q != query) {
                return;
            }
            // no rows of an earlier query stay under this one's error
            clear();
            range.setText("Query failed");
            onError.accept(e);
        }, () -> {
            if (q == query) {
                clear();
                range.setText("Cancelled");
            }
        });
    }

    private void count(Path warehouse, PagedQuery q) {
        model.runner().run("Counting rows", true, (p, c) -> {
            try (Warehouse w = Warehouse.openReadOnly(warehouse, WarehouseSettings.defaults())) {
                return q.count(w, c);
            }
        }, n -> {
            if (q == query) {
                total = n;
                updateButtons();
                onLoaded.run();
            }
        }, e -> {
            if (q == query) {
                range.setText(String.format("Rows 1–%,d (the count failed)", PAGE_SIZE));
                onError.accept(e);
            }
        }, () -> {
            if (q == query) {
                range.setText(String.format("Rows 1–%,d of more (count cancelled)", PAGE_SIZE));
            }
        });
    }

    /** Shows the page of a row number (1-based, as the range label counts) and selects that row. */
    void goToRow(String text) {
        if (query == null || total == 0) {
            return;
        }
        long row;
        try {
            row = Long.parseLong(text.replace(",", "").replace("\u202f", "").replace("\u00a0", "").replace(" ", "").strip());
        } catch (NumberFormatException e) {
            row = -1;
        }
        if (row < 1 || row > total) {
            range.setText(String.format("Type a row number from 1 to %,d", total));
            return;
        }
        long from = (row - 1) / PAGE_SIZE * PAGE_SIZE;
        show(from, (int) (row - 1 - from));
    }

    private long lastPage() {
        return total == 0 ? 0 : (total - 1) / PAGE_SIZE * PAGE_SIZE;
    }

    private void show(long from, int select) {
        if (query == null) {
            return;
        }
        PagedQuery q = query;
        long ticket = ++requested;
        model.runner().run("Page", false, (p, c) -> {
            try (Warehouse w = Warehouse.openReadOnly(db, WarehouseSettings.defaults())) {
                return q.page(w, from, PAGE_SIZE);
            }
        }, page -> {
            if (ticket != requested || q != query) {
                return;
            }
            offset = from;
            Fx.fill(table, page);
            table.scrollTo(select);
            if (select > 0) {
                table.getSelectionModel().clearAndSelect(select);
            }
            updateButtons();
        }, onError, () -> { });
    }

    public void clear() {
        query = null;
        total = 0;
        offset = 0;
        table.getItems().clear();
        table.getColumns().clear();
        updateButtons();
    }

    private void updateButtons() {
        first.setDisable(offset == 0);
        previous.setDisable(offset == 0);
        next.setDisable(offset + PAGE_SIZE >= total);
        last.setDisable(offset + PAGE_SIZE >= total);
        goTo.setDisable(total <= PAGE_SIZE);
        if (total == UNKNOWN) {
            range.setText(String.format("Rows 1–%,d of … (counting)", PAGE_SIZE));
            return;
        }
        range.setText(total == 0 ? "No rows" : String.format("Rows %,d–%,d of %,d", offset + 1, Math.min(total, offset + PAGE_SIZE), total));
    }
}
