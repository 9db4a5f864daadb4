package encore.ui.dashboard;

import encore.analytics.Bin;
import encore.analytics.DashboardFilter;
import encore.analytics.DayCount;
import encore.analytics.Kpis;
import encore.analytics.LevelDay;
import encore.analytics.ListeningAnalytics;
import encore.analytics.Ranked;
import encore.warehouse.Warehouse;
import encore.warehouse.WarehouseSettings;
import java.nio.file.Path;
import java.util.List;

/** Everything the dashboard shows for one filter, computed in DuckDB in one background task. */
record DashboardData(DashboardFilter filter, Kpis kpis, List<DayCount> perDay, long[] byHour, long[] byWeekday,
                     long[][] heatmap, List<Ranked> topSongs, List<Ranked> topArtists, List<LevelDay> levels,
                     List<Ranked> gender, List<Ranked> locations, List<Bin> sessions, List<Ranked> platforms,
                     long millis) {

    static DashboardData load(Path db, DashboardFilter f) {
        long t0 = System.nanoTime();
        try (Warehouse w = Warehouse.openReadOnly(db, WarehouseSettings.defaults())) {
            ListeningAnalytics a = new ListeningAnalytics(w.connection());
            return new DashboardData(f, a.kpis(f), a.playsPerDay(f), a.playsByHour(f), a.playsByWeekday(f),
                a.weekdayHourHeatmap(f), a.topSongs(f, 10), a.topArtists(f, 10), a.levelShareOverTime(f),
                a.playsByGender(f), a.topLocations(f, 10), a.sessionLengthHistogram(f), a.platforms(f),
                (System.nanoTime() - t0) / 1_000_000);
        }
    }
}
