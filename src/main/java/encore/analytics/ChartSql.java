package encore.analytics;

import encore.warehouse.Sql;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Builds the chart queries from {@code encore/sql/analytics/}: a chart's statement names the
 * shared filter once as {@code {filtered_plays}} (filled in as a subquery, so the filter is the
 * same everywhere) and may use {@code {platform}} (the user agent classification). The filter's
 * parameters come first; a chart's own parameters (a limit, a drill-down value) follow it.
 */
final class ChartSql {

    static final String FILTER = "{filtered_plays}";

    private ChartSql() {
    }

    /** The statement of chart {@code name} with the filter and platform filled in. */
    static String chart(String name) {
        return fill(Sql.statement("analytics/" + name));
    }

    /** The drill-down statement with the condition of {@code dim}. */
    static String drillDown(Dimension dim) {
        String condition = Sql.statement("analytics/drill/" + dim.name().toLowerCase(Locale.ROOT));
        return fill(Sql.statement("analytics/drill_down").replace("{condition}", "(\n" + condition + "\n)"));
    }

    /** The placeholders a chart may name (once): songplays, or one of the dashboard marts, filtered. */
    private static final Map<String, String> FILTERS = Map.of(
        FILTER, "",
        "{filtered_hours}", "dashboard_hours",
        "{filtered_sessions}", "dashboard_sessions",
        "{filtered_songs}", "dashboard_songs",
        "{filtered_artists}", "dashboard_artists");

    private static String fill(String sql) {
        String filled = null;
        for (Map.Entry<String, String> f : FILTERS.entrySet()) {
            int at = sql.indexOf(f.getKey());
            if (at < 0) {
                continue;
            }
            if (filled != null || sql.indexOf(f.getKey(), at + 1) >= 0) {
                throw new IllegalStateException("a chart query must name one filter exactly once: " + sql);
            }
            String filter = f.getValue().isEmpty()
                ? Sql.statement("analytics/filtered_plays")
                : Sql.template("analytics/filtered_mart", Map.of("mart", f.getValue()));
            filled = sql.replace(f.getKey(), "(\n" + filter + "\n)");
        }
        if (filled == null) {
            throw new IllegalStateException("a chart query must name " + FILTER + " or a mart filter: " + sql);
        }
        filled = filled.replace("{platform}", "(\n" + Sql.statement("analytics/platform") + "\n)");
        if (filled.matches("(?s).*\\{[a-z_]+}.*")) {
            throw new IllegalStateException("unfilled placeholder in " + sql);
        }
        return filled;
    }

    /**
     * The filter's parameters followed by the chart's own, ready for {@code setObject}: days as ISO
     * text (the SQL casts them to DATE), so no JVM time zone can shift them.
     */
    static List<Object> parameters(DashboardFilter f, Object... more) {
        List<Object> p = new ArrayList<>();
        for (Object v : f.parameters()) {
            p.add(v instanceof LocalDate d ? d.toString() : v);
        }
        p.addAll(Arrays.asList(more));
        return p;
    }
}
