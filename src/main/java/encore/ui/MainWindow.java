package encore.ui;

import encore.ui.dashboard.DashboardView;
import encore.ui.data.DataView;
import encore.ui.explore.ExploreView;
import encore.ui.help.HelpMenu;
import encore.ui.lake.LakeView;
import encore.ui.pipeline.PipelineView;
import java.util.EnumMap;
import java.util.Map;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/** The main window: navigation on the left, the current view in the middle, the status bar below. */
public final class MainWindow extends BorderPane {

    private final Map<AppModel.Page, Node> pages = new EnumMap<>(AppModel.Page.class);
    private final Map<AppModel.Page, java.util.function.Supplier<Node>> factories = new EnumMap<>(AppModel.Page.class);
    private final Map<AppModel.Page, ToggleButton> buttons = new EnumMap<>(AppModel.Page.class);
    private final StackPane center = new StackPane();
    final StatusBar status;
    private final AppModel model;
    private boolean following;

    public MainWindow(AppModel model) {
        this(model, true);
    }

    /**
     * With {@code showPage} false the window comes up with an empty middle and builds the current
     * view only when {@link #showCurrentPage} is called: the app does that after the first frame,
     * so that building a view (the dashboard's charts, say) does not delay the window itself.
     */
    public MainWindow(AppModel model, boolean showPage) {
        setId("main-window");
        // views are built when first shown, so the window comes up quickly
        factories.put(AppModel.Page.DATA, () -> new DataView(model));
        factories.put(AppModel.Page.PIPELINE, () -> new PipelineView(model));
        factories.put(AppModel.Page.EXPLORE, () -> new ExploreView(model));
        factories.put(AppModel.Page.DASHBOARD, () -> new DashboardView(model));
        factories.put(AppModel.Page.LAKE, () -> new LakeView(model));

        VBox nav = new VBox(4);
        nav.getStyleClass().add("nav");
        nav.setPadding(new Insets(12, 8, 12, 8));
        Label brand = new Label("Encore");
        brand.getStyleClass().add("brand");
        nav.getChildren().add(brand);
        ToggleGroup group = new ToggleGroup();
        for (AppModel.Page page : AppModel.Page.values()) {
            ToggleButton b = new ToggleButton(label(page));
            b.setId("nav-" + page.name().toLowerCase(java.util.Locale.ROOT));
            b.setToggleGroup(group);
            b.setMaxWidth(Double.MAX_VALUE);
            b.getStyleClass().add("nav-button");
            b.setOnAction(e -> model.page().set(page));
            buttons.put(page, b);
            nav.getChildren().add(b);
        }
        Region spring = new Region();
        VBox.setVgrow(spring, Priority.ALWAYS);
        nav.getChildren().addAll(spring, new HelpMenu(model));
        nav.setPrefWidth(150);

        status = new StatusBar(model.runner());
        model.warehouse().addListener((o, a, db) -> status.warehouse.setText(db == null ? "" : "Warehouse: " + db));
        setLeft(nav);
        setCenter(center);
        setBottom(status);
        this.model = model;
        if (showPage) {
            showCurrentPage();
        } else {
            Label opening = new Label("Opening…");
            opening.getStyleClass().add("placeholder");
            center.getChildren().setAll(opening);
            buttons.get(model.page().get()).setSelected(true);
        }
    }

    /** Shows the current page and from then on follows the model's page. */
    public void showCurrentPage() {
        if (following) {
            return;
        }
        following = true;
        show(model.page().get());
        model.page().addListener((o, a, p) -> show(p));
    }

    private void show(AppModel.Page page) {
        center.getChildren().setAll(pages.computeIfAbsent(page, p -> factories.get(p).get()));
        buttons.get(page).setSelected(true);
    }

    static String label(AppModel.Page page) {
        return switch (page) {
            case DATA -> "Data";
            case PIPELINE -> "Pipeline";
            case EXPLORE -> "Explore";
            case DASHBOARD -> "Dashboard";
            case LAKE -> "Lake";
        };
    }
}
