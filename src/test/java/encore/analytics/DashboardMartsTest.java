package encore.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import encore.TestData;
import encore.pipeline.Etl;
import encore.warehouse.Warehouse;
import encore.warehouse.WarehouseSettings;
import java.nio.file.Path;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The dashboard marts give the same charts as songplays, under every filter, and are not used
 * once songplays or users changed after they were built.
 */
class DashboardMartsTest {

    @TempDir
    static Path shared;

    @TempDir
    Path tmp;

    static Path sample;

    @BeforeAll
    static void load() {
        sample = shared.resolve("sample.duckdb");
        Etl.load(TestData.sample(), sample);
        // both kinds of session are there: on one day and level (one row), and split over several
        assertThat(Etl.count(sample, "SELECT count(*) FROM dashboard_sessions WHERE split")).isPositive();
        assertThat(Etl.count(sample, "SELECT count(*) FROM dashboard_sessions WHERE NOT split")).isPositive();
    }

    static Stream<DashboardFilter> filters() {
        return Stream.of(DashboardFilter.ALL, DashboardFilter.ALL.withLevel("paid"), DashboardFilter.ALL.withGender("F"),
            DashboardFilter.ALL.withDays(LocalDate.of(2018, 11, 3), LocalDate.of(2018, 11, 9)),
            new DashboardFilter(LocalDate.of(2018, 11, 20), null, "free", "M"),
            DashboardFilter.ALL.withDays(LocalDate.of(2018, 11, 4), LocalDate.of(2018, 11, 4)));
    }

    @ParameterizedTest
    @MethodSource("filters")
    void marts_and_songplays_give_the_same_charts(DashboardFilter f) {
        try (Warehouse w = Warehouse.openReadOnly(sample, WarehouseSettings.defaults())) {
            ListeningAnalytics marts = new ListeningAnalytics(w.connection());
            ListeningAnalytics plays = new ListeningAnalytics(w.connection()).withoutMarts();
            assertThat(marts.kpis(f).plays()).isPositive();
            assertThat(marts.kpis(f)).isEqualTo(plays.kpis(f));
            assertThat(marts.topSongs(f, 10)).isEqualTo(plays.topSongs(f, 10)).isNotEmpty();
            assertThat(marts.topArtists(f, 10)).isEqualTo(plays.topArtists(f, 10)).isNotEmpty();
            assertThat(marts.sessionLengthHistogram(f)).isEqualTo(plays.sessionLengthHistogram(f));
            assertThat(marts.playsPerDay(f)).isEqualTo(plays.playsPerDay(f)).isNotEmpty();
            assertThat(marts.playsByHour(f)).isEqualTo(plays.playsByHour(f));
            assertThat(marts.playsByWeekday(f)).isEqualTo(plays.playsByWeekday(f));
            assertThat(marts.weekdayHourHeatmap(f)).isEqualTo(plays.weekdayHourHeatmap(f));
            assertThat(marts.levelShareOverTime(f)).isEqualTo(plays.levelShareOverTime(f)).isNotEmpty();
            assertThat(marts.playsByGender(f)).isEqualTo(plays.playsByGender(f)).isNotEmpty();
        }
    }

    @Test
    void the_marts_are_rebuilt_by_every_load_and_skipped_when_stale() throws Exception {
        Path db = tmp.resolve("sample.duckdb");
        Etl.load(TestData.sample(), db);
        Etl.load(TestData.sample(), db);
        assertThat(Etl.count(db, "SELECT sum(plays) FROM dashboard_sessions"))
            .isEqualTo(Etl.count(db, "SELECT count(*) FROM songplays"));
        long before;
        try (Warehouse w = Warehouse.openReadOnly(db, WarehouseSettings.defaults())) {
            before = new ListeningAnalytics(w.connection()).kpis(DashboardFilter.ALL).plays();
        }
        try (Warehouse w = Warehouse.openForWrite(db, WarehouseSettings.defaults()); Statement st = w.connection().createStatement()) {
            st.execute("DELETE FROM songplays WHERE songplay_id IN (SELECT songplay_id FROM songplays ORDER BY songplay_id LIMIT 5)");
        }
        try (Warehouse w = Warehouse.openReadOnly(db, WarehouseSettings.defaults())) {
            ListeningAnalytics analytics = new ListeningAnalytics(w.connection());
            assertThat(analytics.kpis(DashboardFilter.ALL).plays()).isEqualTo(before - 5);
            assertThat(analytics.topSongs(DashboardFilter.ALL, 10))
                .isEqualTo(new ListeningAnalytics(w.connection()).withoutMarts().topSongs(DashboardFilter.ALL, 10));
        }
    }
}
