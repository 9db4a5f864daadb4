package encore.analytics;

import encore.warehouse.Warehouse;
import encore.warehouse.WarehouseSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Times every dashboard chart on an existing warehouse: one warm-up, then the median of N runs,
 * with no filter and with a filter (paid, women, ten days). Not a test; run by bench/dashboard-bench.sh.
 *
 * <p>Usage: {@code DashboardBench WAREHOUSE.duckdb [runs=5] [threads=0 (all cores)]}
 */
public final class DashboardBench {

    static final long TARGET_MS = 150;

    private DashboardBench() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            System.err.println("usage: DashboardBench WAREHOUSE.duckdb [runs] [threads]");
            System.exit(2);
        }
        Path db = Path.of(args[0]);
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : 0;
        System.out.println("load average before: " + loadAverage());
        try (Warehouse w = Warehouse.openReadOnly(db, new WarehouseSettings("2GB", threads, null))) {
            ListeningAnalytics a = new ListeningAnalytics(w.connection());
            Kpis all = a.kpis(DashboardFilter.ALL);
            List<DayCount> days = a.playsPerDay(DashboardFilter.ALL);
            DashboardFilter filter = new DashboardFilter(days.get(Math.min(9, days.size() - 1)).day(),
                days.get(Math.min(18, days.size() - 1)).day(), "paid", "F");
            System.out.printf(Locale.ROOT, "warehouse: %,d songplays, %,d listeners, %,d sessions; threads=%s; runs=%d%n",
                all.plays(), all.listeners(), all.sessions(), threads == 0 ? "all cores" : threads, runs);
            System.out.printf(Locale.ROOT, "filter: %s (%,d plays)%n%n", filter, a.kpis(filter).plays());

            Map<String, Function<DashboardFilter, Object>> charts = new LinkedHashMap<>();
            charts.put("kpis", a::kpis);
            charts.put("playsPerDay", a::playsPerDay);
            charts.put("playsByHour", a::playsByHour);
            charts.put("weekdayHourHeatmap", a::weekdayHourHeatmap);
            charts.put("playsByWeekday", a::playsByWeekday);
            charts.put("topSongs(10)", f -> a.topSongs(f, 10));
            charts.put("topArtists(10)", f -> a.topArtists(f, 10));
            charts.put("topLocations(10)", f -> a.topLocations(f, 10));
            charts.put("playsByGender", a::playsByGender);
            charts.put("platforms", a::platforms);
            charts.put("levelShareOverTime", a::levelShareOverTime);
            charts.put("sessionLengthHistogram", a::sessionLengthHistogram);
            charts.put("drillDown(HOUR).count", f -> a.count(a.drillDown(f, Dimension.HOUR, "20")));

            System.out.printf(Locale.ROOT, "%-26s %12s %12s%n", "chart", "ALL ms", "filtered ms");
            int missed = 0;
            for (Map.Entry<String, Function<DashboardFilter, Object>> c : charts.entrySet()) {
                double msAll = median(c.getValue(), DashboardFilter.ALL, runs);
                double msFiltered = median(c.getValue(), filter, runs);
                boolean miss = msAll > TARGET_MS || msFiltered > TARGET_MS;
                missed += miss ? 1 : 0;
                System.out.printf(Locale.ROOT, "%-26s %12.1f %12.1f%s%n", c.getKey(), msAll, msFiltered, miss ? "   > " + TARGET_MS + " ms" : "");
            }
            System.out.printf(Locale.ROOT, "%n%d of %d over the %d ms target%n", missed, charts.size(), TARGET_MS);
        }
        System.out.println("load average after: " + loadAverage());
    }

    static double median(Function<DashboardFilter, Object> chart, DashboardFilter f, int runs) {
        chart.apply(f); // warm-up
        double[] ms = new double[runs];
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            Object result = chart.apply(f);
            ms[i] = (System.nanoTime() - t0) / 1e6;
            if (result == null) {
                throw new IllegalStateException("no result");
            }
        }
        Arrays.sort(ms);
        return runs % 2 == 1 ? ms[runs / 2] : (ms[runs / 2 - 1] + ms[runs / 2]) / 2;
    }

    static String loadAverage() {
        try {
            List<String> parts = new ArrayList<>(Arrays.asList(Files.readString(Path.of("/proc/loadavg")).trim().split(" ")));
            return String.join(" ", parts.subList(0, 3));
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }
}
