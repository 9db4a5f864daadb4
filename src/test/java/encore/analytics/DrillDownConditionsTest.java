package encore.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import encore.TestData;
import encore.pipeline.Etl;
import encore.task.EncoreException;
import encore.warehouse.PagedQuery;
import encore.warehouse.Warehouse;
import encore.warehouse.WarehouseSettings;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Drill-downs with unset filters (no null parameter, so a paging grid takes them), into elements
 * that stand for two dimensions (a heatmap cell, a free/paid segment) and into a session-length
 * bar: each selects exactly the plays the chart counts, on the bundled sample loaded by the ETL.
 */
class DrillDownConditionsTest {

    @TempDir
    static Path tmp;

    static Path db;
    static Warehouse warehouse;
    static ListeningAnalytics analytics;

    @BeforeAll
    static void load() {
        db = tmp.resolve("sample.duckdb");
        Etl.load(TestData.sample(), db);
        warehouse = Warehouse.openReadOnly(db, WarehouseSettings.defaults());
        analytics = new ListeningAnalytics(warehouse.connection());
    }

    @AfterAll
    static void close() {
        if (warehouse != null) {
            warehouse.close();
        }
    }

    static Stream<DashboardFilter> filters() {
        return Stream.of(DashboardFilter.ALL,
            DashboardFilter.ALL.withLevel("paid"),
            DashboardFilter.ALL.withGender("F"),
            DashboardFilter.ALL.withDays(LocalDate.of(2018, 11, 10), null),
            DashboardFilter.ALL.withDays(null, LocalDate.of(2018, 11, 20)),
            new DashboardFilter(LocalDate.of(2018, 11, 10), LocalDate.of(2018, 11, 20), "paid", "F"),
            new DashboardFilter(LocalDate.of(2018, 11, 5), LocalDate.of(2018, 11, 25), "free", "M"));
    }

    @ParameterizedTest
    @MethodSource("filters")
    void a_drill_down_has_no_null_parameter_and_pages_in_a_grid(DashboardFilter f) {
        DrillDown d = analytics.drillDown(f, Dimension.LEVEL, "paid");
        assertThat(d.parameters()).doesNotContainNull();
        long expected = Etl.count(db, "SELECT count(*) FROM songplays sp WHERE sp.level = 'paid'" + where(f));
        PagedQuery q = new PagedQuery(d.sql(), d.parameters());
        assertThat(q.count(warehouse)).isEqualTo(expected).isEqualTo(analytics.count(d));
        if (f.level() == null || f.level().equals("paid")) {
            assertThat(expected).isPositive();
        }
    }

    @ParameterizedTest
    @MethodSource("filters")
    void a_heatmap_cell_drills_into_its_weekday_and_hour_only(DashboardFilter f) {
        long[][] cells = analytics.weekdayHourHeatmap(f);
        int checked = 0;
        for (int wd = 0; wd < 7; wd++) {
            for (int h = 0; h < 24; h += 5) {
                DrillDown d = analytics.drillDown(f, List.of(
                    new DrillDown.By(Dimension.WEEKDAY, Integer.toString(wd + 1)), new DrillDown.By(Dimension.HOUR, Integer.toString(h))));
                assertThat(analytics.count(d)).as("weekday %d hour %d", wd + 1, h).isEqualTo(cells[wd][h]);
                checked += cells[wd][h] > 0 ? 1 : 0;
            }
        }
        assertThat(checked).isPositive();
        // a Saturday noon cell is not the whole Saturday
        long saturday = analytics.playsByWeekday(f)[5];
        if (saturday > cells[5][12]) {
            assertThat(analytics.count(analytics.drillDown(f, List.of(new DrillDown.By(Dimension.WEEKDAY, "6"),
                new DrillDown.By(Dimension.HOUR, "12"))))).isLessThan(saturday);
        }
    }

    @ParameterizedTest
    @MethodSource("filters")
    void a_free_or_paid_segment_drills_into_its_day_and_level(DashboardFilter f) {
        List<LevelDay> days = analytics.levelShareOverTime(f);
        assertThat(days).isNotEmpty();
        for (LevelDay l : days) {
            String day = l.day().toString();
            assertThat(analytics.count(analytics.drillDown(f, List.of(new DrillDown.By(Dimension.DAY, day), new DrillDown.By(Dimension.LEVEL, "free")))))
                .as("%s free", day).isEqualTo(l.freePlays());
            assertThat(analytics.count(analytics.drillDown(f, List.of(new DrillDown.By(Dimension.DAY, day), new DrillDown.By(Dimension.LEVEL, "paid")))))
                .as("%s paid", day).isEqualTo(l.paidPlays());
        }
    }

    @ParameterizedTest
    @MethodSource("filters")
    void a_session_length_bar_drills_into_the_plays_of_its_sessions(DashboardFilter f) throws SQLException {
        long plays = analytics.kpis(f).plays();
        long total = 0;
        for (Bin b : analytics.sessionLengthHistogram(f)) {
            DrillDown d = analytics.drillDown(f, Dimension.SESSION_LENGTH, b.label());
            assertThat(d.parameters()).doesNotContainNull();
            Set<String> sessions = new HashSet<>();
            long rows = 0;
            try (PreparedStatement st = warehouse.connection().prepareStatement(d.sql())) {
                for (int i = 0; i < d.parameters().size(); i++) {
                    st.setObject(i + 1, d.parameters().get(i));
                }
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        sessions.add(rs.getObject("user_id") + "/" + rs.getObject("session_id"));
                        rows++;
                    }
                }
            }
            assertThat(sessions).as("sessions of %s plays", b.label()).hasSize((int) b.sessions());
            assertThat(rows).isGreaterThanOrEqualTo(b.sessions() * b.min());
            if (b.max() != null) {
                assertThat(rows).isLessThanOrEqualTo(b.sessions() * b.max());
            }
            total += rows;
        }
        assertThat(total).as("every filtered play is in one bar's sessions").isEqualTo(plays);
    }

    @Test
    void session_length_values_are_checked() {
        assertThat(analytics.drillDown(DashboardFilter.ALL, Dimension.SESSION_LENGTH, "2-5").parameters()).containsExactly(2L, 5L);
        assertThat(analytics.drillDown(DashboardFilter.ALL, Dimension.SESSION_LENGTH, ">100").parameters()).containsExactly(101L, Long.MAX_VALUE);
        assertThat(analytics.drillDown(DashboardFilter.ALL, Dimension.SESSION_LENGTH, "1").parameters()).containsExactly(1L, 1L);
        assertThatThrownBy(() -> analytics.drillDown(DashboardFilter.ALL, Dimension.SESSION_LENGTH, "5-2")).isInstanceOf(EncoreException.class);
        assertThatThrownBy(() -> analytics.drillDown(DashboardFilter.ALL, Dimension.SESSION_LENGTH, "many")).isInstanceOf(EncoreException.class);
        assertThatThrownBy(() -> analytics.drillDown(DashboardFilter.ALL, List.of())).isInstanceOf(EncoreException.class);
    }

    /** The filter as plain SQL conditions on songplays sp, written here independently of the app's SQL. */
    static String where(DashboardFilter f) {
        StringBuilder w = new StringBuilder();
        if (f.from() != null) {
            w.append(" AND CAST(sp.start_time AS DATE) >= DATE '").append(f.from()).append('\'');
        }
        if (f.to() != null) {
            w.append(" AND CAST(sp.start_time AS DATE) <= DATE '").append(f.to()).append('\'');
        }
        if (f.level() != null) {
            w.append(" AND sp.level = '").append(f.level()).append('\'');
        }
        if (f.gender() != null) {
            w.append(" AND sp.user_id IN (SELECT user_id FROM users WHERE gender = '").append(f.gender()).append("')");
        }
        return w.toString();
    }
}
