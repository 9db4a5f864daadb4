package encore.ui;

import static org.assertj.core.api.Assertions.assertThat;

import encore.TestData;
import encore.pipeline.Etl;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.scene.Node;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.StackedBarChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.GridPane;
import javafx.scene.shape.Rectangle;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/**
 * Drill-downs from the dashboard's charts into Explore, the order of the ranked charts after a
 * filter change and the date filter's text, through the real window (headless) on the bundled
 * sample; every expected count is computed here with plain SQL over songplays.
 */
class DashboardDrillTest extends AppWindowTest {

    static final LocalDate FROM = LocalDate.of(2018, 11, 10);
    static final LocalDate TO = LocalDate.of(2018, 11, 20);
    /** The tester's filter: From 2018-11-10, To 2018-11-20, paid, F; as plain SQL over songplays sp. */
    static final String TESTER = " AND CAST(sp.start_time AS DATE) BETWEEN DATE '2018-11-10' AND DATE '2018-11-20'"
        + " AND sp.level = 'paid' AND sp.user_id IN (SELECT user_id FROM users WHERE gender = 'F')";

    Path db;

    @Start
    void start(Stage stage) throws IOException {
        open(stage);
    }

    private void openDashboard(FxRobot robot) {
        db = tmp.resolve("drill.duckdb");
        Etl.load(TestData.sample(), db);
        robot.interact(() -> model.open(db));
        robot.clickOn(find(robot, "#nav-dashboard", Node.class));
        waitForPlays(robot, "");
    }

    private long count(String where) {
        return Etl.count(db, "SELECT count(*) FROM songplays sp WHERE TRUE" + where);
    }

    /** Waits until the dashboard shows the plays of {@code where} (the filter set, as SQL). */
    private void waitForPlays(FxRobot robot, String where) {
        Label plays = find(robot, "#kpi-plays", Label.class);
        long expected = count(where);
        waitFor(expected + " plays on the dashboard", 60, () -> !plays.getText().equals("–") && AppFlowsTest.number(plays.getText()) == expected);
        assertThat(find(robot, "#dashboard-error", Label.class).getText()).isEmpty();
    }

    private void setTesterFilter(FxRobot robot) {
        robot.interact(() -> {
            find(robot, "#filter-from", DatePicker.class).setValue(FROM);
            find(robot, "#filter-to", DatePicker.class).setValue(TO);
            combo(robot, "#filter-level").getSelectionModel().select("paid");
            combo(robot, "#filter-gender").getSelectionModel().select("F");
        });
        waitForPlays(robot, TESTER);
    }

    @SuppressWarnings("unchecked")
    private ComboBox<String> combo(FxRobot robot, String id) {
        return find(robot, id, ComboBox.class);
    }

    /** A click on a chart element (as the mouse's, delivered to the node itself: it may be scrolled out of view). */
    private static void click(FxRobot robot, Node n) {
        assertThat(n).as("the chart element").isNotNull();
        robot.interact(() -> n.fireEvent(new MouseEvent(MouseEvent.MOUSE_CLICKED, 1, 1, 1, 1, MouseButton.PRIMARY, 1,
            false, false, false, false, true, false, false, true, false, false, null)));
    }

    /** Clicks {@code n} and waits for Explore to show {@code expected} rows. */
    private void drillAndExpect(FxRobot robot, Node n, long expected) {
        robot.clickOn(find(robot, "#nav-dashboard", Node.class));
        click(robot, n);
        waitFor("Explore to open", 30, () -> model.page().get() == AppModel.Page.EXPLORE);
        Label range = robot.from(window).lookup("#explore-view").lookup("#grid-range").queryAs(Label.class);
        String text = expected == 0 ? "No rows" : String.format("Rows %,d–%,d of %,d", 1, Math.min(expected, 1000), expected);
        waitFor("Explore to show " + text, 30, () -> range.getText().equals(text));
        assertThat(range.getText()).isEqualTo(text);
    }

    private static long tooltipPlays(Node n) {
        Tooltip t = (Tooltip) n.getProperties().get("javafx.scene.control.Tooltip");
        String text = t.getText();
        return AppFlowsTest.number(text.substring(text.lastIndexOf(": ") + 2, text.lastIndexOf(" plays")));
    }

    private Rectangle heatmapCell(FxRobot robot, int isoWeekday, int hour) {
        GridPane grid = find(robot, "#heatmap", GridPane.class);
        return grid.getChildren().stream()
            .filter(c -> c instanceof Rectangle && GridPane.getRowIndex(c) == isoWeekday && GridPane.getColumnIndex(c) == hour + 1)
            .map(Rectangle.class::cast).findFirst().orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private <C extends XYChart<?, ?>> C chart(FxRobot robot, String card) {
        return (C) robot.from(window).lookup(card).lookup(".chart").query();
    }

    @Test
    void with_no_filter_set_a_drill_down_opens_its_plays_in_explore(FxRobot robot) {
        openDashboard(robot);
        BarChart<String, Number> byHour = chart(robot, "#chart-by-hour");
        BarChart<Number, String> platforms = chart(robot, "#chart-platforms");
        XYChart.Data<String, Number> h20 = byHour.getData().get(0).getData().get(20);
        long expected = count(" AND hour(sp.start_time) = 20");
        assertThat(expected).isPositive().isEqualTo(h20.getYValue().longValue());
        drillAndExpect(robot, h20.getNode(), expected);

        XYChart.Data<Number, String> top = platforms.getData().get(0).getData().get(platforms.getData().get(0).getData().size() - 1);
        drillAndExpect(robot, top.getNode(), top.getXValue().longValue());
    }

    @Test
    void a_heatmap_cell_drills_into_its_weekday_and_hour(FxRobot robot) {
        openDashboard(robot);
        // Saturday 12:00 UTC
        long cell = count(" AND isodow(sp.start_time) = 6 AND hour(sp.start_time) = 12");
        assertThat(cell).isPositive().isLessThan(count(" AND isodow(sp.start_time) = 6"));
        assertThat(tooltipPlays(heatmapCell(robot, 6, 12))).isEqualTo(cell);
        long busiestCell = Etl.count(db, "SELECT max(n) FROM (SELECT count(*) AS n FROM songplays GROUP BY isodow(start_time), hour(start_time))");
        assertThat(find(robot, "#heatmap-legend-max", Label.class).getText()).isEqualTo(String.format("%,d plays", busiestCell));
        drillAndExpect(robot, heatmapCell(robot, 6, 12), cell);

        robot.clickOn(find(robot, "#nav-dashboard", Node.class));
        setTesterFilter(robot);
        long[] busiest = {1, 0, -1};
        for (int wd = 1; wd <= 7; wd++) {
            for (int h = 0; h < 24; h++) {
                long v = tooltipPlays(heatmapCell(robot, wd, h));
                if (v > busiest[2]) {
                    busiest = new long[] {wd, h, v};
                }
            }
        }
        long filtered = count(TESTER + " AND isodow(sp.start_time) = " + busiest[0] + " AND hour(sp.start_time) = " + busiest[1]);
        assertThat(filtered).isPositive().isEqualTo(busiest[2]);
        drillAndExpect(robot, heatmapCell(robot, (int) busiest[0], (int) busiest[1]), filtered);
    }

    @Test
    void a_free_or_paid_segment_drills_into_its_day_and_level(FxRobot robot) {
        openDashboard(robot);
        StackedBarChart<String, Number> levels = chart(robot, "#chart-levels");
        XYChart.Data<String, Number> free = levels.getData().get(0).getData().get(levels.getData().get(0).getData().size() / 2);
        assertThat(levels.getData().get(0).getName()).isEqualTo("free");
        String day = "2018-" + free.getXValue();
        long expected = count(" AND CAST(sp.start_time AS DATE) = DATE '" + day + "' AND sp.level = 'free'");
        assertThat(expected).isPositive().isEqualTo(free.getYValue().longValue())
            .isLessThan(count(" AND CAST(sp.start_time AS DATE) = DATE '" + day + "'"));
        drillAndExpect(robot, free.getNode(), expected);

        robot.clickOn(find(robot, "#nav-dashboard", Node.class));
        setTesterFilter(robot);
        XYChart.Series<String, Number> paidSeries = levels.getData().get(1);
        assertThat(paidSeries.getName()).isEqualTo("paid");
        XYChart.Data<String, Number> paid = paidSeries.getData().stream().max(Comparator.comparingLong(d -> d.getYValue().longValue())).orElseThrow();
        String paidDay = "2018-" + paid.getXValue();
        long paidExpected = count(TESTER + " AND CAST(sp.start_time AS DATE) = DATE '" + paidDay + "'");
        assertThat(paidExpected).isPositive().isEqualTo(paid.getYValue().longValue());
        drillAndExpect(robot, paid.getNode(), paidExpected);
        // the free segment of the same day holds no play under a paid-only filter
        robot.clickOn(find(robot, "#nav-dashboard", Node.class));
        XYChart.Data<String, Number> freeThatDay = levels.getData().get(0).getData().stream()
            .filter(d -> d.getXValue().equals(paid.getXValue())).findFirst().orElseThrow();
        assertThat(freeThatDay.getYValue().longValue()).isZero();
        drillAndExpect(robot, freeThatDay.getNode(), 0);
    }

    @Test
    void a_session_length_bar_drills_into_the_plays_of_those_sessions(FxRobot robot) {
        openDashboard(robot);
        BarChart<String, Number> sessions = chart(robot, "#chart-sessions");
        XYChart.Data<String, Number> bar = sessions.getData().get(0).getData().stream()
            .filter(d -> d.getXValue().equals("2-5")).findFirst().orElseThrow();
        String inBin = " AND (sp.user_id, sp.session_id) IN (SELECT user_id, session_id FROM songplays GROUP BY 1, 2 HAVING count(*) BETWEEN 2 AND 5)";
        assertThat(Etl.count(db, "SELECT count(DISTINCT (sp.user_id, sp.session_id)) FROM songplays sp WHERE TRUE" + inBin))
            .isEqualTo(bar.getYValue().longValue()).isPositive();
        drillAndExpect(robot, bar.getNode(), count(inBin));
    }

    @Test
    void a_failed_drill_down_shows_in_the_dashboards_error_label(FxRobot robot) throws IOException {
        openDashboard(robot);
        BarChart<String, Number> byHour = chart(robot, "#chart-by-hour");
        Node bar = byHour.getData().get(0).getData().get(12).getNode();
        Files.move(db, tmp.resolve("gone.duckdb"));
        click(robot, bar);
        Label error = find(robot, "#dashboard-error", Label.class);
        waitFor("the drill-down's error", 30, () -> !error.getText().isEmpty());
        assertThat(error.getText()).startsWith("Drill-down failed");
        assertThat(model.page().get()).isEqualTo(AppModel.Page.DASHBOARD);
    }

    /** The plays of a ranked chart's bars in the order of its category axis, from the top bar down. */
    private static List<Long> topDown(BarChart<Number, String> chart) {
        Map<String, Long> plays = new HashMap<>();
        for (XYChart.Data<Number, String> d : chart.getData().get(0).getData()) {
            plays.put(d.getYValue(), d.getXValue().longValue());
        }
        List<String> categories = new ArrayList<>(((CategoryAxis) chart.getYAxis()).getCategories());
        assertThat(categories).containsExactlyInAnyOrderElementsOf(plays.keySet());
        List<Long> out = new ArrayList<>();
        for (int i = categories.size() - 1; i >= 0; i--) {
            out.add(plays.get(categories.get(i)));
        }
        return out;
    }

    @Test
    void ranked_charts_take_the_new_order_after_a_filter_change(FxRobot robot) {
        openDashboard(robot);
        BarChart<Number, String> locations = chart(robot, "#chart-locations");
        BarChart<Number, String> platforms = chart(robot, "#chart-platforms");
        BarChart<Number, String> songs = chart(robot, "#chart-top-songs");
        for (BarChart<Number, String> c : List.of(locations, platforms, songs)) {
            assertThat(topDown(c)).isNotEmpty().isSortedAccordingTo(Comparator.reverseOrder());
        }
        List<Long> before = topDown(locations);

        setTesterFilter(robot);
        assertThat(topDown(locations)).isNotEqualTo(before).hasSizeGreaterThan(3).isSortedAccordingTo(Comparator.reverseOrder());
        assertThat(topDown(platforms)).isSortedAccordingTo(Comparator.reverseOrder());
        assertThat(topDown(songs)).isSortedAccordingTo(Comparator.reverseOrder());

        robot.interact(() -> {
            find(robot, "#filter-from", DatePicker.class).setValue(null);
            find(robot, "#filter-to", DatePicker.class).setValue(null);
            combo(robot, "#filter-gender").getSelectionModel().select(0);
        });
        waitForPlays(robot, " AND sp.level = 'paid'");
        List<Long> paid = topDown(platforms);
        assertThat(paid).hasSizeGreaterThan(1).isSortedAccordingTo(Comparator.reverseOrder());
        assertThat(topDown(locations)).isSortedAccordingTo(Comparator.reverseOrder());
        // the plays per day keep the days in calendar order once the range widens again
        XYChart<String, Number> perDay = chart(robot, "#chart-per-day");
        List<String> days = new ArrayList<>(((CategoryAxis) perDay.getXAxis()).getCategories());
        assertThat(days).hasSizeGreaterThan(11).isSorted();
        // and the axes still show their labels (an axis given its categories stops fitting them unless told to)
        robot.interact(() -> {
            for (BarChart<Number, String> c : List.of(locations, platforms, songs)) {
                assertThat(c.getYAxis().getTickMarks()).as("ranked labels").hasSize(c.getData().get(0).getData().size())
                    .allMatch(javafx.scene.chart.Axis.TickMark::isTextVisible);
            }
            XYChart<String, Number> byHour = chart(robot, "#chart-by-hour");
            for (XYChart<String, Number> c : List.of(perDay, byHour)) {
                assertThat(c.getXAxis().getTickMarks().stream().filter(javafx.scene.chart.Axis.TickMark::isTextVisible).count())
                    .as("visible labels of %s", c.getId()).isGreaterThan(c.getXAxis().getTickMarks().size() / 2);
            }
        });
    }

    /** The tick labels of the value axis of a horizontal bar chart, left to right, after checking that none overlaps the next. */
    private static List<String> ticksWithoutOverlap(FxRobot robot, BarChart<Number, String> chart) {
        List<String> out = new ArrayList<>();
        robot.interact(() -> {
            javafx.scene.chart.Axis<Number> axis = chart.getXAxis();
            List<javafx.scene.text.Text> labels = new ArrayList<>(robot.from(axis)
                .lookup((Node n) -> n instanceof javafx.scene.text.Text && n.isVisible() && n.getParent() == axis)
                .queryAllAs(javafx.scene.text.Text.class));
            labels.sort(Comparator.comparingDouble(t -> t.getBoundsInParent().getMinX()));
            assertThat(labels).as("tick labels").hasSizeGreaterThan(1).hasSize(axis.getTickMarks().size());
            for (int i = 1; i < labels.size(); i++) {
                assertThat(labels.get(i).getBoundsInParent().getMinX()).as("%s after %s", labels.get(i).getText(), labels.get(i - 1).getText())
                    .isGreaterThan(labels.get(i - 1).getBoundsInParent().getMaxX());
            }
            labels.forEach(t -> out.add(t.getText()));
        });
        return out;
    }

    @Test
    void the_platform_charts_tick_labels_do_not_overlap(FxRobot robot) {
        openDashboard(robot);
        // a narrow window: half of it per chart
        robot.interact(() -> window.getScene().getWindow().setWidth(760));
        waitFor("the narrow layout", 10, () -> window.getScene().getWidth() < 800);
        BarChart<Number, String> platforms = chart(robot, "#chart-platforms");
        long top = topDown(platforms).get(0);
        List<String> ticks = ticksWithoutOverlap(robot, platforms);
        // the axis reaches the longest bar
        assertThat(AppFlowsTest.number(ticks.get(ticks.size() - 1))).isGreaterThanOrEqualTo(top);
        robot.interact(() -> combo(robot, "#filter-level").getSelectionModel().select("paid"));
        waitForPlays(robot, " AND sp.level = 'paid'");
        long paidTop = topDown(platforms).get(0);
        List<String> paidTicks = ticksWithoutOverlap(robot, platforms);
        assertThat(AppFlowsTest.number(paidTicks.get(paidTicks.size() - 1))).isGreaterThanOrEqualTo(paidTop);
        ticksWithoutOverlap(robot, chart(robot, "#chart-locations"));
        ticksWithoutOverlap(robot, chart(robot, "#chart-top-songs"));
    }

    @Test
    void the_date_filter_reads_and_shows_iso_days(FxRobot robot) {
        openDashboard(robot);
        DatePicker from = find(robot, "#filter-from", DatePicker.class);
        DatePicker to = find(robot, "#filter-to", DatePicker.class);
        robot.clickOn(from.getEditor()).write("2018-11-10").type(KeyCode.ENTER);
        waitFor("the From day", 10, () -> FROM.equals(from.getValue()));
        assertThat(from.getEditor().getText()).isEqualTo("2018-11-10");
        waitForPlays(robot, " AND CAST(sp.start_time AS DATE) >= DATE '2018-11-10'");

        // the locale's short form is read too, and shown as ISO
        String shortForm = new DatePicker().getConverter().toString(TO);
        robot.clickOn(to.getEditor()).write(shortForm).type(KeyCode.ENTER);
        waitFor("the To day", 10, () -> TO.equals(to.getValue()));
        assertThat(to.getEditor().getText()).isEqualTo("2018-11-20");
        waitForPlays(robot, " AND CAST(sp.start_time AS DATE) BETWEEN DATE '2018-11-10' AND DATE '2018-11-20'");

        // a value set in code shows as ISO as well
        robot.interact(() -> from.setValue(LocalDate.of(2018, 11, 12)));
        assertThat(from.getEditor().getText()).isEqualTo("2018-11-12");
        waitForPlays(robot, " AND CAST(sp.start_time AS DATE) BETWEEN DATE '2018-11-12' AND DATE '2018-11-20'");
    }
}
