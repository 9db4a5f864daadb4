package encore.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import encore.RawModel;
import encore.TestData;
import encore.pipeline.Etl;
import encore.task.EncoreException;
import encore.warehouse.Warehouse;
import encore.warehouse.WarehouseSettings;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The dashboard's charts on the real Sparkify dataset, loaded by the real ETL, against values
 * computed from the raw log files with plain Jackson and java.time.
 */
class ListeningAnalyticsTest {

    @TempDir
    static Path tmp;

    static Path root;
    static RawEvents raw;
    static Warehouse warehouse;
    static ListeningAnalytics analytics;

    static final DashboardFilter PAID = DashboardFilter.ALL.withLevel("paid");
    static final DashboardFilter WOMEN = DashboardFilter.ALL.withGender("F");
    static final DashboardFilter NOV_10_TO_12 = DashboardFilter.ALL.withDays(LocalDate.of(2018, 11, 10), LocalDate.of(2018, 11, 12));
    static final DashboardFilter FREE_MEN_FROM_NOV_20 = new DashboardFilter(LocalDate.of(2018, 11, 20), null, "free", "M");

    @BeforeAll
    static void load() {
        root = TestData.sparkify();
        Path db = tmp.resolve("sparkify.duckdb");
        Etl.load(root, db);
        raw = RawEvents.of(root);
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
        return Stream.of(DashboardFilter.ALL, PAID, WOMEN, NOV_10_TO_12, FREE_MEN_FROM_NOV_20);
    }

    @Test
    void the_raw_reading_agrees_with_the_raw_model() {
        RawModel model = RawModel.ofRoot(root);
        assertThat(raw.plays).hasSize(model.plays.size()).isNotEmpty();
    }

    @Test
    void weekday_chart_equals_the_raw_model() {
        Map<Integer, Long> expected = RawModel.ofRoot(root).playsByWeekday();
        long[] weekdays = analytics.playsByWeekday(DashboardFilter.ALL);
        assertThat(weekdays).hasSize(7);
        for (int d = 1; d <= 7; d++) {
            assertThat(weekdays[d - 1]).as("weekday %d", d).isEqualTo(expected.getOrDefault(d, 0L));
        }
    }

    @ParameterizedTest
    @MethodSource("filters")
    void kpis_equal_the_raw_plays(DashboardFilter f) {
        List<RawEvents.Play> plays = raw.select(f);
        Kpis k = analytics.kpis(f);
        assertThat(k.plays()).isEqualTo(plays.size());
        assertThat(k.listeners()).isEqualTo(plays.stream().map(RawEvents.Play::userId).distinct().count());
        assertThat(k.sessions()).isEqualTo(plays.stream().map(p -> List.of(p.userId(), p.sessionId())).distinct().count());
        double paid = plays.stream().filter(p -> "paid".equals(p.level())).count() / (double) plays.size();
        assertThat(k.paidShare()).isCloseTo(paid, org.assertj.core.data.Offset.offset(1e-12));
    }

    @Test
    void kpis_with_no_filter_count_every_play_of_the_raw_model() {
        RawModel model = RawModel.ofRoot(root);
        Kpis k = analytics.kpis(DashboardFilter.ALL);
        assertThat(k.plays()).isEqualTo(model.plays.size());
        assertThat(k.listeners()).isEqualTo(model.plays.values().stream().map(RawModel.Play::userId).distinct().count());
    }

    @Test
    void the_filters_select_fewer_plays_and_different_ones() {
        long all = analytics.kpis(DashboardFilter.ALL).plays();
        for (DashboardFilter f : List.of(PAID, WOMEN, NOV_10_TO_12, FREE_MEN_FROM_NOV_20)) {
            assertThat(analytics.kpis(f).plays()).as(f.toString()).isPositive().isLessThan(all);
        }
        assertThat(analytics.kpis(PAID).paidShare()).isEqualTo(1.0);
        assertThat(analytics.kpis(FREE_MEN_FROM_NOV_20).paidShare()).isZero();
        assertThat(analytics.playsByGender(WOMEN)).extracting(Ranked::label).containsExactly("F");
        assertThat(analytics.playsPerDay(NOV_10_TO_12)).extracting(DayCount::day)
            .containsExactly(LocalDate.of(2018, 11, 10), LocalDate.of(2018, 11, 11), LocalDate.of(2018, 11, 12));
    }

    @ParameterizedTest
    @MethodSource("filters")
    void plays_by_hour_equal_the_raw_count_by_utc_hour(DashboardFilter f) {
        Map<Integer, Long> expected = RawEvents.count(raw.select(f), p -> p.utc().getHour());
        long[] hours = analytics.playsByHour(f);
        assertThat(hours).hasSize(24);
        for (int h = 0; h < 24; h++) {
            assertThat(hours[h]).as("hour %d", h).isEqualTo(expected.getOrDefault(h, 0L));
        }
    }

    @ParameterizedTest
    @MethodSource("filters")
    void plays_per_day_equal_the_raw_count_by_utc_day(DashboardFilter f) {
        TreeMap<LocalDate, Long> expected = new TreeMap<>(RawEvents.count(raw.select(f), RawEvents.Play::day));
        List<DayCount> days = analytics.playsPerDay(f);
        assertThat(days).isNotEmpty();
        assertThat(days.get(0).day()).isEqualTo(expected.firstKey());
        assertThat(days.get(days.size() - 1).day()).isEqualTo(expected.lastKey());
        for (int i = 0; i < days.size(); i++) {
            DayCount d = days.get(i);
            assertThat(d.day()).isEqualTo(expected.firstKey().plusDays(i));
            assertThat(d.plays()).as(d.day().toString()).isEqualTo(expected.getOrDefault(d.day(), 0L));
        }
    }

    @ParameterizedTest
    @MethodSource("filters")
    void level_share_per_day_equals_the_raw_count(DashboardFilter f) {
        List<RawEvents.Play> plays = raw.select(f);
        Map<LocalDate, Long> free = RawEvents.count(plays.stream().filter(p -> "free".equals(p.level())).toList(), RawEvents.Play::day);
        Map<LocalDate, Long> paid = RawEvents.count(plays.stream().filter(p -> "paid".equals(p.level())).toList(), RawEvents.Play::day);
        List<LevelDay> days = analytics.levelShareOverTime(f);
        assertThat(days).extracting(LevelDay::day)
            .containsExactlyElementsOf(new TreeMap<>(RawEvents.count(plays, RawEvents.Play::day)).keySet());
        for (LevelDay d : days) {
            assertThat(d.freePlays()).isEqualTo(free.getOrDefault(d.day(), 0L));
            assertThat(d.paidPlays()).isEqualTo(paid.getOrDefault(d.day(), 0L));
        }
    }

    @ParameterizedTest
    @MethodSource("filters")
    void heatmap_cells_equal_the_raw_count_by_weekday_and_hour(DashboardFilter f) {
        Map<List<Integer>, Long> expected = RawEvents.count(raw.select(f),
            p -> List.of(p.utc().getDayOfWeek().getValue(), p.utc().getHour()));
        long[][] cells = analytics.weekdayHourHeatmap(f);
        assertThat(cells).hasDimensions(7, 24);
        for (int d = 0; d < 7; d++) {
            for (int h = 0; h < 24; h++) {
                assertThat(cells[d][h]).as("weekday %d hour %d", d + 1, h).isEqualTo(expected.getOrDefault(List.of(d + 1, h), 0L));
            }
        }
    }

    @Test
    void top_songs_equal_the_count_of_the_raw_model_plays_by_song_name() {
        RawModel model = RawModel.ofRoot(root);
        List<Ranked> expected = model.plays.values().stream()
            .collect(java.util.stream.Collectors.groupingBy(RawModel.Play::song, java.util.stream.Collectors.counting()))
            .entrySet().stream()
            .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
            .limit(10)
            .map(e -> new Ranked(e.getKey(), e.getValue()))
            .toList();
        assertThat(analytics.topSongs(DashboardFilter.ALL, 10)).hasSize(10).containsExactlyElementsOf(expected);
    }

    @ParameterizedTest
    @MethodSource("filters")
    void top_lists_equal_the_raw_counts(DashboardFilter f) {
        List<RawEvents.Play> plays = raw.select(f);
        assertThat(analytics.topSongs(f, 10)).containsExactlyElementsOf(RawEvents.top(plays, RawEvents.Play::song, 10));
        assertThat(analytics.topArtists(f, 7)).containsExactlyElementsOf(RawEvents.top(plays, RawEvents.Play::artist, 7));
        assertThat(analytics.topLocations(f, 5)).containsExactlyElementsOf(RawEvents.top(plays, RawEvents.Play::location, 5));
        assertThat(analytics.playsByGender(f)).containsExactlyElementsOf(
            RawEvents.top(plays, p -> p.gender() == null ? "unknown" : p.gender(), 10));
    }

    @Test
    void top_songs_count_plays_that_match_no_catalog_song() throws SQLException {
        // most Sparkify plays match no song file; the top list must still count them
        Ranked first = analytics.topSongs(DashboardFilter.ALL, 1).get(0);
        try (PreparedStatement st = warehouse.connection().prepareStatement(
            "SELECT count(*) FILTER (WHERE song_id IS NULL), count(*) FROM songplays WHERE song = ?")) {
            st.setString(1, first.label());
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                assertThat(rs.getLong(2)).isEqualTo(first.plays());
            }
        }
        long unmatchedTotal = Etl.count(tmp.resolve("sparkify.duckdb"), "SELECT count(*) FROM songplays WHERE song_id IS NULL");
        assertThat(unmatchedTotal).isPositive();
        assertThat(analytics.topSongs(DashboardFilter.ALL, 100_000).stream().mapToLong(Ranked::plays).sum())
            .isEqualTo(raw.plays.stream().filter(p -> p.song() != null).count());
    }

    @ParameterizedTest
    @MethodSource("filters")
    void platforms_sum_to_the_plays_and_equal_an_independent_classification(DashboardFilter f) {
        List<RawEvents.Play> plays = raw.select(f);
        List<Ranked> platforms = analytics.platforms(f);
        assertThat(platforms.stream().mapToLong(Ranked::plays).sum()).isEqualTo(plays.size());
        assertThat(platforms).extracting(Ranked::label).isSubsetOf(ListeningAnalytics.PLATFORMS).doesNotHaveDuplicates();
        assertThat(platforms).containsExactlyElementsOf(RawEvents.top(plays, p -> platformOf(p.userAgent()), 10));
    }

    @Test
    void every_real_user_agent_gets_a_named_platform() {
        List<Ranked> platforms = analytics.platforms(DashboardFilter.ALL);
        assertThat(platforms).extracting(Ranked::label).doesNotContain("Other")
            .contains("Windows", "Mac", "Linux", "iPhone");
    }

    @Test
    void platforms_of_the_generated_sample_cover_ipad_and_android() {
        Path db = tmp.resolve("sample.duckdb");
        Etl.load(TestData.sample(), db);
        RawEvents sample = RawEvents.of(TestData.sample());
        try (Warehouse w = Warehouse.openReadOnly(db, WarehouseSettings.defaults())) {
            List<Ranked> platforms = new ListeningAnalytics(w.connection()).platforms(DashboardFilter.ALL);
            assertThat(platforms).extracting(Ranked::label).contains("iPad", "Android", "iPhone", "Mac", "Windows", "Linux");
            assertThat(platforms).containsExactlyElementsOf(RawEvents.top(sample.plays, p -> platformOf(p.userAgent()), 10));
        }
    }

    /** The platform of a user agent, written independently of the SQL (token checks, most specific device first). */
    static String platformOf(String ua) {
        if (ua == null) {
            return "Other";
        }
        for (String[] rule : new String[][] {{"iPhone", "iPhone"}, {"iPad", "iPad"}, {"Android", "Android"},
            {"Windows NT", "Windows"}, {"Macintosh", "Mac"}, {"X11", "Linux"}, {"Linux", "Linux"}}) {
            if (ua.contains(rule[0])) {
                return rule[1];
            }
        }
        return "Other";
    }

    @ParameterizedTest
    @MethodSource("filters")
    void session_histogram_bins_sum_to_the_sessions_and_match_raw_lengths(DashboardFilter f) {
        List<RawEvents.Play> plays = raw.select(f);
        Map<List<Object>, Long> lengths = RawEvents.count(plays, p -> List.of(p.userId(), p.sessionId()));
        List<Bin> bins = analytics.sessionLengthHistogram(f);
        assertThat(bins).extracting(Bin::label).containsExactly("1", "2-5", "6-10", "11-20", "21-50", "51-100", ">100");
        assertThat(bins.stream().mapToLong(Bin::sessions).sum()).isEqualTo(lengths.size()).isEqualTo(analytics.kpis(f).sessions());
        for (Bin b : bins) {
            long expected = lengths.values().stream().filter(n -> n >= b.min() && (b.max() == null || n <= b.max())).count();
            assertThat(b.sessions()).as("bin %s", b.label()).isEqualTo(expected);
        }
        assertThat(bins.stream().filter(b -> b.sessions() > 0).count()).isGreaterThan(1);
    }

    @Test
    void a_range_without_plays_gives_zeros_not_errors() {
        DashboardFilter none = DashboardFilter.ALL.withDays(LocalDate.of(2030, 1, 1), LocalDate.of(2030, 1, 31));
        assertThat(analytics.kpis(none)).isEqualTo(new Kpis(0, 0, 0, 0.0));
        assertThat(analytics.playsByHour(none)).containsOnly(0L);
        assertThat(analytics.playsPerDay(none)).isEmpty();
        assertThat(analytics.topSongs(none, 10)).isEmpty();
        assertThat(analytics.sessionLengthHistogram(none)).hasSize(7).allMatch(b -> b.sessions() == 0);
    }

    @ParameterizedTest
    @MethodSource("filters")
    void a_drill_down_into_one_hour_returns_exactly_that_hours_plays(DashboardFilter f) throws SQLException {
        long[] hours = analytics.playsByHour(f);
        int busiest = busiest(hours);
        DrillDown d = analytics.drillDown(f, Dimension.HOUR, Integer.toString(busiest));
        assertThat(analytics.count(d)).isEqualTo(hours[busiest]).isPositive();

        List<LocalDateTime> times = new ArrayList<>();
        Set<Long> ids = new HashSet<>();
        try (PreparedStatement st = warehouse.connection().prepareStatement(d.sql())) {
            for (int i = 0; i < d.parameters().size(); i++) {
                st.setObject(i + 1, d.parameters().get(i));
            }
            try (ResultSet rs = st.executeQuery()) {
                assertThat(rs.getMetaData().getColumnCount()).isEqualTo(12);
                assertThat(rs.getMetaData().getColumnLabel(2)).isEqualTo("start_time");
                while (rs.next()) {
                    ids.add(rs.getLong("songplay_id"));
                    times.add(rs.getObject("start_time", LocalDateTime.class));
                }
            }
        }
        assertThat(times).hasSize((int) hours[busiest]).isSorted().allMatch(t -> t.getHour() == busiest);
        assertThat(ids).hasSize(times.size());
    }

    private static int busiest(long[] hours) {
        int busiest = 0;
        for (int h = 1; h < hours.length; h++) {
            busiest = hours[h] > hours[busiest] ? h : busiest;
        }
        return busiest;
    }

    @Test
    void a_drill_down_pages_through_the_same_rows() throws SQLException {
        DrillDown d = analytics.drillDown(PAID, Dimension.DAY, "2018-11-15");
        long total = analytics.count(d);
        assertThat(total).isGreaterThan(20);
        List<Long> paged = new ArrayList<>();
        for (long offset = 0; offset < total; offset += 20) {
            List<Object> params = d.pageParameters(offset, 20);
            try (PreparedStatement st = warehouse.connection().prepareStatement(d.pageSql())) {
                for (int i = 0; i < params.size(); i++) {
                    st.setObject(i + 1, params.get(i));
                }
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        paged.add(rs.getLong(1));
                    }
                }
            }
        }
        assertThat(paged).hasSize((int) total).doesNotHaveDuplicates();
    }

    @ParameterizedTest
    @MethodSource("filters")
    void every_dimension_drills_into_as_many_plays_as_its_chart_shows(DashboardFilter f) {
        List<DayCount> days = analytics.playsPerDay(f);
        DayCount day = days.get(days.size() / 2);
        assertThat(analytics.count(analytics.drillDown(f, Dimension.DAY, day.day().toString()))).isEqualTo(day.plays());

        long[] weekdays = analytics.playsByWeekday(f);
        assertThat(analytics.count(analytics.drillDown(f, Dimension.WEEKDAY, "3"))).isEqualTo(weekdays[2]);
        assertThat(analytics.count(analytics.drillDown(f, Dimension.WEEKDAY, Charts.weekdayName(6)))).isEqualTo(weekdays[5]);

        for (Ranked r : analytics.topSongs(f, 3)) {
            assertThat(analytics.count(analytics.drillDown(f, Dimension.SONG, r.label()))).as(r.label()).isEqualTo(r.plays());
        }
        for (Ranked r : analytics.topArtists(f, 3)) {
            assertThat(analytics.count(analytics.drillDown(f, Dimension.ARTIST, r.label()))).as(r.label()).isEqualTo(r.plays());
        }
        for (Ranked r : analytics.topLocations(f, 3)) {
            assertThat(analytics.count(analytics.drillDown(f, Dimension.LOCATION, r.label()))).as(r.label()).isEqualTo(r.plays());
        }
        for (Ranked r : analytics.playsByGender(f)) {
            assertThat(analytics.count(analytics.drillDown(f, Dimension.GENDER, r.label()))).as(r.label()).isEqualTo(r.plays());
        }
        for (Ranked r : analytics.platforms(f)) {
            assertThat(analytics.count(analytics.drillDown(f, Dimension.PLATFORM, r.label()))).as(r.label()).isEqualTo(r.plays());
        }
        long paid = analytics.levelShareOverTime(f).stream().mapToLong(LevelDay::paidPlays).sum();
        assertThat(analytics.count(analytics.drillDown(f, Dimension.LEVEL, "paid"))).isEqualTo(paid);
    }

    @Test
    void drill_down_values_are_bound_never_spliced_into_the_sql() {
        String apostrophe = raw.plays.stream().map(RawEvents.Play::song).filter(s -> s != null && s.contains("'"))
            .findFirst().orElseThrow();
        long expected = raw.plays.stream().filter(p -> apostrophe.equals(p.song())).count();
        DrillDown d = analytics.drillDown(DashboardFilter.ALL, Dimension.SONG, apostrophe);
        assertThat(d.sql()).doesNotContain(apostrophe);
        assertThat(d.parameters()).contains(apostrophe);
        assertThat(analytics.count(d)).isEqualTo(expected).isPositive();
        assertThat(analytics.count(analytics.drillDown(DashboardFilter.ALL, Dimension.SONG, "x' OR '1'='1"))).isZero();
    }

    @Test
    void bad_filters_and_drill_values_are_user_errors_with_a_hint() {
        assertThatThrownBy(() -> new DashboardFilter(LocalDate.of(2018, 11, 12), LocalDate.of(2018, 11, 10), null, null))
            .isInstanceOf(EncoreException.class).satisfies(e -> assertThat(((EncoreException) e).hint()).isNotEmpty());
        assertThatThrownBy(() -> DashboardFilter.ALL.withLevel("gold")).isInstanceOf(EncoreException.class);
        assertThatThrownBy(() -> DashboardFilter.ALL.withGender("x")).isInstanceOf(EncoreException.class);
        assertThatThrownBy(() -> analytics.drillDown(DashboardFilter.ALL, Dimension.HOUR, "24")).isInstanceOf(EncoreException.class);
        assertThatThrownBy(() -> analytics.drillDown(DashboardFilter.ALL, Dimension.DAY, "11/10/2018")).isInstanceOf(EncoreException.class);
        assertThatThrownBy(() -> analytics.drillDown(DashboardFilter.ALL, Dimension.PLATFORM, "BeOS")).isInstanceOf(EncoreException.class);
        assertThatThrownBy(() -> analytics.topSongs(DashboardFilter.ALL, 0)).isInstanceOf(EncoreException.class);
    }

    @Test
    void a_query_on_something_that_is_not_a_warehouse_is_a_user_error() throws SQLException {
        try (java.sql.Connection empty = java.sql.DriverManager.getConnection("jdbc:duckdb:")) {
            assertThatThrownBy(() -> new ListeningAnalytics(empty).kpis(DashboardFilter.ALL))
                .isInstanceOf(EncoreException.class)
                .satisfies(e -> assertThat(((EncoreException) e).hint()).contains("encore etl"));
        }
    }

    @Test
    void every_chart_converts_to_chart_data_with_its_values() {
        DashboardFilter f = NOV_10_TO_12;
        Kpis k = analytics.kpis(f);
        assertThat(Charts.kpis(k).rows()).containsExactly(List.of(k.plays(), k.listeners(), k.sessions(), k.paidShare()));
        long[] hours = analytics.playsByHour(f);
        ChartData h = Charts.playsByHour(hours);
        assertThat(h.rows()).hasSize(24);
        assertThat(h.rows().get(13)).containsExactly(13, hours[13]);
        long[][] cells = analytics.weekdayHourHeatmap(f);
        ChartData heat = Charts.weekdayHourHeatmap(cells);
        assertThat(heat.columns()).hasSize(25);
        assertThat(heat.rows().get(0).get(0)).isEqualTo("Monday");
        assertThat(heat.rows().get(6).get(24)).isEqualTo(cells[6][23]);
        assertThat(Charts.playsByWeekday(analytics.playsByWeekday(f)).rows()).hasSize(7);
        List<DayCount> days = analytics.playsPerDay(f);
        assertThat(Charts.playsPerDay(days).rows()).hasSize(3).first().isEqualTo(List.of(days.get(0).day(), days.get(0).plays()));
        assertThat(Charts.levelShareOverTime(analytics.levelShareOverTime(f)).rows()).hasSize(3);
        List<Bin> bins = analytics.sessionLengthHistogram(f);
        ChartData hist = Charts.sessionLengthHistogram(bins);
        assertThat(hist.rows()).hasSize(7);
        assertThat(hist.rows().get(6).get(2)).isNull();
        List<Ranked> songs = analytics.topSongs(f, 5);
        assertThat(Charts.ranked("Top songs", "song", songs).rows()).extracting(r -> r.get(0))
            .containsExactlyElementsOf(songs.stream().map(Ranked::label).toList());
    }

    @Test
    void the_heatmap_agrees_with_the_hour_and_weekday_charts() {
        long[][] cells = analytics.weekdayHourHeatmap(DashboardFilter.ALL);
        long[] hours = analytics.playsByHour(DashboardFilter.ALL);
        long[] weekdays = analytics.playsByWeekday(DashboardFilter.ALL);
        for (int d = 0; d < 7; d++) {
            assertThat(java.util.Arrays.stream(cells[d]).sum()).isEqualTo(weekdays[d]);
        }
        for (int h = 0; h < 24; h++) {
            int hour = h;
            assertThat(java.util.Arrays.stream(cells).mapToLong(row -> row[hour]).sum()).isEqualTo(hours[h]);
        }
        assertThat(java.util.Arrays.stream(hours).sum()).isEqualTo(raw.plays.size());
    }

    @Test
    void the_timestamps_in_the_warehouse_are_utc() throws SQLException {
        // a guard for the raw comparisons: the first play's ts in epoch ms equals its start_time read as UTC
        RawEvents.Play first = raw.plays.stream().min(java.util.Comparator.comparingLong(RawEvents.Play::ts)).orElseThrow();
        try (PreparedStatement st = warehouse.connection().prepareStatement("SELECT min(start_time) FROM songplays");
             ResultSet rs = st.executeQuery()) {
            rs.next();
            LocalDateTime t = rs.getObject(1, LocalDateTime.class);
            assertThat(t).isEqualTo(first.utc().toLocalDateTime());
        }
    }
}
