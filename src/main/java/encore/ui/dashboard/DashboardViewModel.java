package encore.ui.dashboard;

import encore.analytics.DashboardFilter;
import encore.analytics.DrillDown;
import encore.analytics.ListeningAnalytics;
import encore.ui.AppModel;
import encore.ui.Fx;
import encore.warehouse.PagedQuery;
import encore.warehouse.Warehouse;
import encore.warehouse.WarehouseSettings;
import java.nio.file.Path;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** The dashboard's filter, its data, and drill-downs; every query runs in the background. */
public final class DashboardViewModel {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(DashboardViewModel.class);

    final ObjectProperty<DashboardFilter> filter = new SimpleObjectProperty<>(DashboardFilter.ALL);
    final ObjectProperty<DashboardData> data = new SimpleObjectProperty<>();
    final BooleanProperty loading = new SimpleBooleanProperty();
    final StringProperty error = new SimpleStringProperty("");
    private final AppModel model;
    private long requested;

    DashboardViewModel(AppModel model) {
        this.model = model;
        filter.addListener((o, a, b) -> refresh());
        // filling twelve charts is the longest frame the window has (over 100 ms after a load,
        // measured): a hidden dashboard waits until it is shown
        model.refreshWhenShown(AppModel.Page.DASHBOARD, this::refresh);
        refresh();
    }

    void refresh() {
        Path db = model.warehouse().get();
        if (db == null) {
            return;
        }
        DashboardFilter f = filter.get();
        long ticket = ++requested;
        loading.set(true);
        model.runner().run("Dashboard", false, (p, c) -> DashboardData.load(db, f), d -> {
            if (ticket == requested) {
                loading.set(false);
                error.set("");
                data.set(d);
                LOG.info("Dashboard of {} shows {} plays", db, d.kpis().plays());
            }
        }, e -> {
            if (ticket == requested) {
                loading.set(false);
                error.set(Fx.message(e));
            }
        }, () -> loading.set(false));
    }

    /**
     * Opens the songplays behind a chart element that stands for all of {@code by} (a heatmap cell:
     * weekday and hour) in Explore; a failure shows in {@link #error}.
     */
    void drillDown(List<DrillDown.By> by) {
        Path db = model.warehouse().get();
        if (db == null) {
            error.set("Open a warehouse first (Data view)");
            return;
        }
        DashboardFilter f = filter.get();
        model.runner().run("Drill-down", false, (p, c) -> {
            try (Warehouse w = Warehouse.openReadOnly(db, WarehouseSettings.defaults())) {
                return new ListeningAnalytics(w.connection()).drillDown(f, by);
            }
        }, (DrillDown d) -> {
            error.set("");
            model.explore(new PagedQuery(d.sql(), d.parameters()));
        }, e -> {
            LOG.warn("Drill-down into {} failed", by, e);
            error.set("Drill-down failed: " + Fx.message(e));
        }, () -> { });
    }
}
