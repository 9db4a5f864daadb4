package encore.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import encore.warehouse.Sql;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The edges of the filter, on a handful of hand-made songplays around midnight UTC. */
class FilterBoundaryTest {

    Connection c;
    ListeningAnalytics analytics;

    @BeforeEach
    void warehouse() throws SQLException {
        c = DriverManager.getConnection("jdbc:duckdb:");
        try (Statement st = c.createStatement()) {
            for (String sql : Sql.script("warehouse/schema")) {
                st.execute(sql);
            }
            st.execute("INSERT INTO users VALUES ('1', 'A', 'B', 'F', 'paid', NULL), ('2', 'C', 'D', 'M', 'free', NULL), ('3', 'E', 'F', NULL, 'free', NULL)");
            st.execute("INSERT INTO songplays (songplay_id, start_time, user_id, level, session_id, item_in_session, user_agent, song, artist) VALUES "
                + "(1, TIMESTAMP '2018-11-09 23:59:59.999', '1', 'paid', 1, 0, NULL, 'a', 'x'),"
                + "(2, TIMESTAMP '2018-11-10 00:00:00',     '1', 'paid', 1, 1, NULL, 'a', 'x'),"
                + "(3, TIMESTAMP '2018-11-12 23:59:59.999', '2', 'free', 2, 0, NULL, 'b', 'y'),"
                + "(4, TIMESTAMP '2018-11-13 00:00:00',     '2', 'free', 2, 1, NULL, 'b', 'y'),"
                + "(5, TIMESTAMP '2018-11-11 12:00:00',     '3', 'free', 3, 0, NULL, 'c', 'z'),"
                + "(6, TIMESTAMP '2018-11-15 08:00:00',     '1', 'paid', 1, 2, NULL, 'a', 'x')");
        }
        analytics = new ListeningAnalytics(c);
    }

    @AfterEach
    void close() throws SQLException {
        c.close();
    }

    @Test
    void the_date_range_holds_whole_utc_days_both_ends_inclusive() {
        DashboardFilter f = DashboardFilter.ALL.withDays(LocalDate.of(2018, 11, 10), LocalDate.of(2018, 11, 12));
        assertThat(analytics.kpis(f).plays()).isEqualTo(3);
        assertThat(analytics.count(analytics.drillDown(f, Dimension.LEVEL, "free"))).isEqualTo(2);
        assertThat(analytics.playsPerDay(f)).containsExactly(new DayCount(LocalDate.of(2018, 11, 10), 1),
            new DayCount(LocalDate.of(2018, 11, 11), 1), new DayCount(LocalDate.of(2018, 11, 12), 1));
        assertThat(analytics.kpis(DashboardFilter.ALL.withDays(null, LocalDate.of(2018, 11, 9))).plays()).isEqualTo(1);
        assertThat(analytics.kpis(DashboardFilter.ALL.withDays(LocalDate.of(2018, 11, 13), null)).plays()).isEqualTo(2);
    }

    @Test
    void days_without_plays_are_filled_with_zero() {
        assertThat(analytics.playsPerDay(DashboardFilter.ALL)).extracting(DayCount::plays).containsExactly(1L, 1L, 1L, 1L, 1L, 0L, 1L);
        assertThat(analytics.playsPerDay(DashboardFilter.ALL).get(5).day()).isEqualTo(LocalDate.of(2018, 11, 14));
        assertThat(analytics.playsPerDay(DashboardFilter.ALL.withGender("M"))).extracting(DayCount::plays).containsExactly(1L, 1L);
        assertThat(analytics.playsPerDay(DashboardFilter.ALL.withLevel("paid"))).extracting(DayCount::plays)
            .containsExactly(1L, 1L, 0L, 0L, 0L, 0L, 1L);
        assertThat(analytics.levelShareOverTime(DashboardFilter.ALL)).hasSize(6);
    }

    @Test
    void gender_comes_from_users_and_a_missing_gender_is_unknown() {
        assertThat(analytics.kpis(DashboardFilter.ALL.withGender("F")).plays()).isEqualTo(3);
        assertThat(analytics.playsByGender(DashboardFilter.ALL))
            .containsExactly(new Ranked("F", 3), new Ranked("M", 2), new Ranked("unknown", 1));
        assertThat(analytics.count(analytics.drillDown(DashboardFilter.ALL, Dimension.GENDER, "unknown"))).isEqualTo(1);
        assertThat(analytics.platforms(DashboardFilter.ALL)).containsExactly(new Ranked("Other", 6));
    }

    @Test
    void kpis_count_sessions_per_user_and_the_paid_share() {
        Kpis k = analytics.kpis(DashboardFilter.ALL);
        assertThat(k).isEqualTo(new Kpis(6, 3, 3, 0.5));
        assertThat(analytics.sessionLengthHistogram(DashboardFilter.ALL)).extracting(Bin::sessions)
            .containsExactly(1L, 2L, 0L, 0L, 0L, 0L, 0L);
        assertThat(analytics.kpis(DashboardFilter.ALL.withGender("M")).sessions()).isEqualTo(1);
    }

    @Test
    void the_date_range_does_not_depend_on_the_jvm_time_zone() {
        java.util.TimeZone saved = java.util.TimeZone.getDefault();
        try {
            for (String zone : new String[] {"Pacific/Kiritimati", "Pacific/Pago_Pago"}) {
                java.util.TimeZone.setDefault(java.util.TimeZone.getTimeZone(zone));
                DashboardFilter f = DashboardFilter.ALL.withDays(LocalDate.of(2018, 11, 10), LocalDate.of(2018, 11, 12));
                assertThat(analytics.kpis(f).plays()).as(zone).isEqualTo(3);
                DrillDown d = analytics.drillDown(f, Dimension.DAY, "2018-11-12");
                assertThat(analytics.count(d)).as(zone).isEqualTo(1);
                assertThat(d.parameters()).doesNotHaveAnyElementsOfTypes(LocalDate.class);
            }
        } finally {
            java.util.TimeZone.setDefault(saved);
        }
    }
}
