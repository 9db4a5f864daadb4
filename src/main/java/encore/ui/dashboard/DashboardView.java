package encore.ui.dashboard;

import encore.analytics.Bin;
import encore.analytics.Charts;
import encore.analytics.DashboardFilter;
import encore.analytics.DayCount;
import encore.analytics.Dimension;
import encore.analytics.DrillDown;
import encore.analytics.LevelDay;
import encore.analytics.Ranked;
import encore.ui.AppModel;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.PieChart;
import javafx.scene.chart.StackedBarChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.paint.CycleMethod;
import javafx.scene.paint.LinearGradient;
import javafx.scene.paint.Stop;
import javafx.scene.shape.Rectangle;
import javafx.util.Duration;
import javafx.util.StringConverter;

/** Dashboard: key figures and charts of listening activity, with filters and drill-down. */
public final class DashboardView extends VBox {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MM-dd");
    private static final String[] WEEKDAYS = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
    /** The key of a value axis's property holding the largest value it shows (see {@link #fitTicks}). */
    private static final String MAX = "encore.max";

    final DashboardViewModel vm;
    final Label plays = kpiValue("kpi-plays");
    final Label listeners = kpiValue("kpi-listeners");
    final Label sessions = kpiValue("kpi-sessions");
    final Label paidShare = kpiValue("kpi-paid-share");
    final DatePicker from = new DatePicker();
    final DatePicker to = new DatePicker();
    final ComboBox<String> level = new ComboBox<>();
    final ComboBox<String> gender = new ComboBox<>();
    final Label status = new Label();

    final LineChart<String, Number> perDay = new LineChart<>(new CategoryAxis(), axis("plays"));
    final BarChart<String, Number> byHour = new BarChart<>(axisCat("hour of day (UTC)"), axis("plays"));
    final BarChart<String, Number> byWeekday = new BarChart<>(axisCat("weekday"), axis("plays"));
    final GridPane heatmap = new GridPane();
    final BarChart<Number, String> topSongs = horizontal();
    final BarChart<Number, String> topArtists = horizontal();
    final StackedBarChart<String, Number> levels = new StackedBarChart<>(new CategoryAxis(), axis("plays"));
    final PieChart genders = new PieChart();
    final BarChart<Number, String> locations = horizontal();
    final BarChart<String, Number> sessionLengths = new BarChart<>(axisCat("plays per session"), axis("sessions"));
    final BarChart<Number, String> platforms = horizontal();
    final List<ChartCard> cards = new ArrayList<>();

    public DashboardView(AppModel model) {
        this.vm = new DashboardViewModel(model);
        setId("dashboard-view");
        setSpacing(10);
        setPadding(new Insets(12));

        HBox kpis = new HBox(10, kpi("Plays", plays), kpi("Listeners", listeners), kpi("Sessions", sessions), kpi("Paid share", paidShare));

        from.setId("filter-from");
        to.setId("filter-to");
        from.setPromptText("yyyy-mm-dd");
        to.setPromptText("yyyy-mm-dd");
        from.setConverter(isoDates(from.getConverter()));
        to.setConverter(isoDates(to.getConverter()));
        from.setPrefWidth(130);
        to.setPrefWidth(130);
        level.setId("filter-level");
        level.getItems().setAll("Any level", "free", "paid");
        level.getSelectionModel().select(0);
        gender.setId("filter-gender");
        gender.getItems().setAll("Any gender", "F", "M");
        gender.getSelectionModel().select(0);
        Button reset = new Button("Reset");
        reset.setOnAction(e -> {
            from.setValue(null);
            to.setValue(null);
            level.getSelectionModel().select(0);
            gender.getSelectionModel().select(0);
        });
        from.valueProperty().addListener((o, a, b) -> applyFilter());
        to.valueProperty().addListener((o, a, b) -> applyFilter());
        level.valueProperty().addListener((o, a, b) -> applyFilter());
        gender.valueProperty().addListener((o, a, b) -> applyFilter());
        status.setId("dashboard-status");
        status.getStyleClass().add("kpi-label");
        Label err = new Label();
        err.setId("dashboard-error");
        err.getStyleClass().add("error");
        err.textProperty().bind(vm.error);
        HBox filters = new HBox(8, new Label("From"), from, new Label("to"), to, level, gender, reset, status, err);
        filters.setAlignment(Pos.CENTER_LEFT);

        for (var c : List.of(perDay, byHour, byWeekday, levels, sessionLengths)) {
            c.setLegendVisible(c == levels);
            c.setAnimated(false);
        }
        for (var c : List.of(topSongs, topArtists, locations, platforms)) {
            c.setLegendVisible(false);
            c.setAnimated(false);
        }
        genders.setAnimated(false);
        genders.setLegendVisible(false);
        perDay.setCreateSymbols(true);
        levels.setCategoryGap(1);
        byHour.setCategoryGap(2);
        heatmap.setId("heatmap");
        heatmap.setHgap(1);
        heatmap.setVgap(1);

        cards.add(new ChartCard("chart-per-day", "Plays per day", perDay, () -> Charts.playsPerDay(d().perDay())));
        cards.add(new ChartCard("chart-by-hour", "Plays by hour of day", byHour, () -> Charts.playsByHour(d().byHour())));
        cards.add(new ChartCard("chart-heatmap", "Weekday × hour", heatmap, () -> Charts.weekdayHourHeatmap(d().heatmap())));
        cards.add(new ChartCard("chart-by-weekday", "Plays by weekday", byWeekday, () -> Charts.playsByWeekday(d().byWeekday())));
        cards.add(new ChartCard("chart-top-songs", "Top 10 songs", topSongs, () -> Charts.ranked("Top 10 songs", "song", d().topSongs())));
        cards.add(new ChartCard("chart-top-artists", "Top 10 artists", topArtists, () -> Charts.ranked("Top 10 artists", "artist", d().topArtists())));
        cards.add(new ChartCard("chart-levels", "Free vs paid plays per day", levels, () -> Charts.levelShareOverTime(d().levels())));
        cards.add(new ChartCard("chart-gender", "Plays by gender", genders, () -> Charts.ranked("Plays by gender", "gender", d().gender())));
        cards.add(new ChartCard("chart-locations", "Top locations", locations, () -> Charts.ranked("Top locations", "location", d().locations())));
        cards.add(new ChartCard("chart-sessions", "Session length", sessionLengths, () -> Charts.sessionLengthHistogram(d().sessions())));
        cards.add(new ChartCard("chart-platforms", "Platform", platforms, () -> Charts.ranked("Platform", "platform", d().platforms())));

        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(10);
        ColumnConstraints half = new ColumnConstraints();
        half.setPercentWidth(50);
        grid.getColumnConstraints().addAll(half, half);
        // the charts join the window just after its first frame: a quicker start
        javafx.animation.PauseTransition later = new javafx.animation.PauseTransition(Duration.millis(1));
        later.setOnFinished(e -> {
            for (int i = 0; i < cards.size(); i++) {
                grid.add(cards.get(i), i % 2, i / 2);
            }
        });
        later.play();
        ScrollPane scroll = new ScrollPane(grid);
        scroll.setFitToWidth(true);
        scroll.setId("dashboard-scroll");
        VBox.setVgrow(scroll, Priority.ALWAYS);
        getChildren().addAll(kpis, filters, scroll);

        vm.data.addListener((o, a, d) -> {
            try {
                show(d);
            } catch (RuntimeException e) {
                org.slf4j.LoggerFactory.getLogger(DashboardView.class).error("Cannot show the dashboard", e);
                vm.error.set("Cannot show the charts: " + encore.ui.Fx.message(e));
            }
        });
        vm.loading.addListener((o, a, busy) -> status.setText(busy ? "Updating…" : status.getText()));
    }

    private DashboardData d() {
        return vm.data.get();
    }

    private void applyFilter() {
        try {
            vm.filter.set(new DashboardFilter(from.getValue(), to.getValue(),
                level.getSelectionModel().getSelectedIndex() <= 0 ? null : level.getValue(),
                gender.getSelectionModel().getSelectedIndex() <= 0 ? null : gender.getValue()));
        } catch (RuntimeException e) {
            vm.error.set(encore.ui.Fx.message(e));
        }
    }

    void show(DashboardData d) {
        if (d == null) {
            return;
        }
        plays.setText(String.format("%,d", d.kpis().plays()));
        listeners.setText(String.format("%,d", d.kpis().listeners()));
        sessions.setText(String.format("%,d", d.kpis().sessions()));
        paidShare.setText(String.format("%.0f %%", d.kpis().paidShare() * 100));
        status.setText(String.format("Updated in %d ms", d.millis()));

        XYChart.Series<String, Number> day = new XYChart.Series<>();
        for (DayCount c : d.perDay()) {
            day.getData().add(point(c.day().format(DAY), c.plays(), c.day() + ": %,d plays", Dimension.DAY, c.day().toString()));
        }
        categories(perDay.getXAxis(), day);
        perDay.getData().setAll(List.of(day));

        XYChart.Series<String, Number> hour = new XYChart.Series<>();
        for (int h = 0; h < 24; h++) {
            hour.getData().add(point(Integer.toString(h), d.byHour()[h], h + ":00–" + h + ":59 UTC: %,d plays", Dimension.HOUR, Integer.toString(h)));
        }
        categories(byHour.getXAxis(), hour);
        byHour.getData().setAll(List.of(hour));

        XYChart.Series<String, Number> wd = new XYChart.Series<>();
        for (int i = 0; i < 7; i++) {
            wd.getData().add(point(WEEKDAYS[i], d.byWeekday()[i], Charts.weekdayName(i + 1) + ": %,d plays", Dimension.WEEKDAY, Integer.toString(i + 1)));
        }
        categories(byWeekday.getXAxis(), wd);
        byWeekday.getData().setAll(List.of(wd));

        showHeatmap(d.heatmap());
        ranked(topSongs, d.topSongs(), Dimension.SONG);
        ranked(topArtists, d.topArtists(), Dimension.ARTIST);
        ranked(locations, d.locations(), Dimension.LOCATION);
        ranked(platforms, d.platforms(), Dimension.PLATFORM);

        XYChart.Series<String, Number> free = new XYChart.Series<>();
        free.setName("free");
        XYChart.Series<String, Number> paid = new XYChart.Series<>();
        paid.setName("paid");
        for (LevelDay l : d.levels()) {
            String label = l.day().format(DAY);
            free.getData().add(point(label, l.freePlays(), l.day() + " free: %,d plays",
                List.of(new DrillDown.By(Dimension.DAY, l.day().toString()), new DrillDown.By(Dimension.LEVEL, "free"))));
            paid.getData().add(point(label, l.paidPlays(), l.day() + " paid: %,d plays",
                List.of(new DrillDown.By(Dimension.DAY, l.day().toString()), new DrillDown.By(Dimension.LEVEL, "paid"))));
        }
        categories(levels.getXAxis(), free);
        levels.getData().setAll(List.of(free, paid));

        genders.getData().clear();
        for (Ranked r : d.gender()) {
            PieChart.Data slice = new PieChart.Data(r.label() + " (" + String.format("%,d", r.plays()) + ")", r.plays());
            genders.getData().add(slice);
            install(slice.getNode(), r.label() + ": " + String.format("%,d plays", r.plays()), Dimension.GENDER, r.label());
        }

        XYChart.Series<String, Number> bins = new XYChart.Series<>();
        for (Bin b : d.sessions()) {
            bins.getData().add(point(b.label(), b.sessions(), b.label() + " plays: %,d sessions", Dimension.SESSION_LENGTH, b.label()));
        }
        categories(sessionLengths.getXAxis(), bins);
        sessionLengths.getData().setAll(List.of(bins));
    }

    private void ranked(BarChart<Number, String> chart, List<Ranked> items, Dimension dim) {
        XYChart.Series<Number, String> s = new XYChart.Series<>();
        List<Ranked> reversed = new ArrayList<>(items);
        java.util.Collections.reverse(reversed);
        java.util.Set<String> seen = new java.util.HashSet<>();
        List<String> order = new ArrayList<>();
        for (Ranked r : reversed) {
            String label = r.label() == null ? "(none)" : r.label();
            String shortLabel = label.length() > 34 ? label.substring(0, 33) + "…" : label;
            for (int n = 2; !seen.add(shortLabel); n++) {
                shortLabel = (label.length() > 30 ? label.substring(0, 29) + "…" : label) + " (" + n + ")";
            }
            order.add(shortLabel);
            XYChart.Data<Number, String> p = new XYChart.Data<>(r.plays(), shortLabel);
            String tip = label + ": " + String.format("%,d plays", r.plays());
            p.nodeProperty().addListener((o, a, n) -> install(n, tip, dim, r.label()));
            s.getData().add(p);
        }
        // the bottom bar is the first category: the most played is on top
        order((CategoryAxis) chart.getYAxis(), order);
        NumberAxis x = (NumberAxis) chart.getXAxis();
        x.getProperties().put(MAX, items.stream().mapToLong(Ranked::plays).max().orElse(0));
        fitTicks(x);
        chart.getData().setAll(List.of(s));
    }

    /**
     * Puts the categories of {@code axis} in the order of the series' points. A category axis left
     * to itself keeps the order of the categories it already had and adds new ones after them: a
     * ranked chart would keep the ranks of the data before the filter changed. They are set at
     * every refresh (see {@link #order}).
     */
    private static void categories(javafx.scene.chart.Axis<String> axis, XYChart.Series<String, Number> series) {
        java.util.LinkedHashSet<String> order = new java.util.LinkedHashSet<>();
        for (XYChart.Data<String, Number> p : series.getData()) {
            order.add(p.getXValue());
        }
        order((CategoryAxis) axis, List.copyOf(order));
    }

    /**
     * Gives the axis its categories in this order. Setting them turns the axis' auto-ranging
     * off, and with it the fitting of its tick labels (rotated or spaced out, else hidden where
     * they would overlap): it is turned on again, and keeps the order set.
     */
    private static void order(CategoryAxis axis, List<String> categories) {
        axis.setCategories(FXCollections.observableArrayList(categories));
        axis.setAutoRanging(true);
    }

    private XYChart.Data<String, Number> point(String x, long y, String tipFormat, Dimension dim, String value) {
        return point(x, y, tipFormat, List.of(new DrillDown.By(dim, value)));
    }

    private XYChart.Data<String, Number> point(String x, long y, String tipFormat, List<DrillDown.By> by) {
        XYChart.Data<String, Number> p = new XYChart.Data<>(x, y);
        String tip = String.format(tipFormat, y);
        p.nodeProperty().addListener((o, a, n) -> install(n, tip, by));
        return p;
    }

    private void install(Node n, String tip, Dimension dim, String value) {
        install(n, tip, List.of(new DrillDown.By(dim, value)));
    }

    /** A tooltip, and a click that drills down into the plays meeting all of {@code by}. */
    private void install(Node n, String tip, List<DrillDown.By> by) {
        if (n == null) {
            return;
        }
        Tooltip t = new Tooltip(tip);
        t.setShowDelay(Duration.millis(100));
        Tooltip.install(n, t);
        if (by.stream().anyMatch(b -> b.dimension() == null || b.value() == null)) {
            return; // nothing to drill into, e.g. a song without a title
        }
        n.setOnMouseClicked(e -> vm.drillDown(by));
        n.setStyle("-fx-cursor: hand;");
    }

    private void showHeatmap(long[][] cells) {
        heatmap.getChildren().clear();
        long max = 1;
        for (long[] row : cells) {
            for (long v : row) {
                max = Math.max(max, v);
            }
        }
        for (int h = 0; h < 24; h += 3) {
            Label l = new Label(Integer.toString(h));
            l.setStyle("-fx-font-size: 10px;");
            heatmap.add(l, h + 1, 0, 3, 1);
        }
        for (int wd = 0; wd < 7; wd++) {
            heatmap.add(new Label(WEEKDAYS[wd]), 0, wd + 1);
            for (int h = 0; h < 24; h++) {
                long v = cells[wd][h];
                Rectangle r = new Rectangle(18, 22);
                double t = Math.sqrt((double) v / max);
                r.setFill(Color.web("#eef0fb").interpolate(Color.web("#2a37a8"), t));
                install(r, String.format("%s %d:00 UTC: %,d plays", Charts.weekdayName(wd + 1), h, v),
                    List.of(new DrillDown.By(Dimension.WEEKDAY, Integer.toString(wd + 1)), new DrillDown.By(Dimension.HOUR, Integer.toString(h))));
                heatmap.add(r, h + 1, wd + 1);
            }
        }
        // the colour scale: a cell's shade grows with the square root of its plays
        Rectangle scale = new Rectangle(160, 10, new LinearGradient(0, 0, 1, 0, true, CycleMethod.NO_CYCLE,
            new Stop(0, Color.web("#eef0fb")), new Stop(1, Color.web("#2a37a8"))));
        Label top = new Label(String.format("%,d plays", max));
        top.setId("heatmap-legend-max");
        HBox legend = new HBox(6, new Label("0"), scale, top);
        legend.setId("heatmap-legend");
        legend.setAlignment(Pos.CENTER_LEFT);
        legend.setStyle("-fx-font-size: 10px;");
        heatmap.add(legend, 1, 8, 24, 1);
    }

    /**
     * Shows days as ISO yyyy-MM-dd, as the rest of the app does, and reads that or the locale's
     * short form (the picker's own {@code fallback}, e.g. 11/10/2018). Text neither reads as is
     * refused (the picker keeps its day), not turned into no day.
     */
    static StringConverter<LocalDate> isoDates(StringConverter<LocalDate> fallback) {
        return new StringConverter<>() {
            @Override
            public String toString(LocalDate d) {
                return d == null ? "" : d.format(DateTimeFormatter.ISO_LOCAL_DATE);
            }

            @Override
            public LocalDate fromString(String text) {
                if (text == null || text.isBlank()) {
                    return null;
                }
                String t = text.strip();
                try {
                    return LocalDate.parse(t, DateTimeFormatter.ISO_LOCAL_DATE);
                } catch (DateTimeParseException iso) {
                    LocalDate d = fallback.fromString(t);
                    if (d == null) {
                        throw iso;
                    }
                    return d;
                }
            }
        };
    }

    private static NumberAxis axis(String label) {
        NumberAxis a = new NumberAxis();
        a.setLabel(label);
        a.setForceZeroInRange(true);
        return a;
    }

    private static CategoryAxis axisCat(String label) {
        CategoryAxis a = new CategoryAxis();
        a.setLabel(label);
        return a;
    }

    /**
     * Spaces the ticks of a horizontal value axis by its width and the width of its labels: left
     * to itself a NumberAxis spaces them by twice the font size, and on a half-width chart labels
     * such as "1,000" "1,100" run into each other. Until the axis has a width it ranges itself.
     */
    static void fitTicks(NumberAxis axis) {
        double width = axis.getWidth();
        Object m = axis.getProperties().get(MAX);
        long max = m instanceof Long l ? l : 0;
        if (width <= 0 || max <= 0) {
            axis.setAutoRanging(true);
            return;
        }
        double labelWidth = String.format("%,d", max * 2).length() * 8 + 24;
        int ticks = Math.max(1, (int) Math.floor(width / labelWidth));
        double step = niceStep((double) max / ticks);
        axis.setAutoRanging(false);
        axis.setLowerBound(0);
        axis.setUpperBound(Math.ceil(max / step) * step);
        axis.setTickUnit(step);
        axis.setMinorTickCount(step >= 5 ? 5 : (int) step);
    }

    /** The least of 1, 2 or 5 times a power of ten that is at least {@code raw} (and at least 1). */
    static double niceStep(double raw) {
        if (raw <= 1) {
            return 1;
        }
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        double f = raw / magnitude;
        double nice = f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10;
        return nice * magnitude;
    }

    private static BarChart<Number, String> horizontal() {
        NumberAxis x = axis("plays");
        x.widthProperty().addListener((o, a, w) -> fitTicks(x));
        CategoryAxis y = new CategoryAxis();
        BarChart<Number, String> c = new BarChart<>(x, y);
        c.setCategoryGap(3);
        return c;
    }

    private static Label kpiValue(String id) {
        Label l = new Label("–");
        l.setId(id);
        l.getStyleClass().add("kpi-value");
        return l;
    }

    private static VBox kpi(String name, Label value) {
        Label l = new Label(name);
        l.getStyleClass().add("kpi-label");
        VBox box = new VBox(2, value, l);
        box.getStyleClass().add("kpi");
        box.setMinWidth(150);
        return box;
    }

}
