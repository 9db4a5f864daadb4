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

    /** A statement and its bind parameters, in order (never null: a paging grid copies them). */
    record Bound(String sql, List<Object> parameters) {
    }

    /**
     * The drill-down statement under filter {@code f} with the conditions of {@code by} (each a
     * dimension's condition from {@code drill/} and its bound values), all of which must hold. Only
     * the filters that are set become conditions, so no parameter is null.
     */
    static Bound drillDown(DashboardFilter f, List<Map.Entry<Dimension, List<Object>>> by) {
        if (by.isEmpty()) {
            throw new IllegalArgumentException("a drill-down needs at least one condition");
        }
        Bound filter = setFilter(f);
        List<String> conditions = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        for (Map.Entry<Dimension, List<Object>> c : by) {
            String sql = Sql.statement("analytics/drill/" + c.getKey().name().toLowerCase(Locale.ROOT));
            int at = sql.indexOf(FILTER);
            if (at >= 0) {
                // the filter's parameters come first: the condition names it before its own
                int q = sql.indexOf('?');
                if ((q >= 0 && q < at) || sql.indexOf(FILTER, at + 1) >= 0) {
                    throw new IllegalStateException("a drill condition must name " + FILTER + " once, before its parameters: " + sql);
                }
                sql = sql.replace(FILTER, "(\n" + filter.sql() + "\n)");
                params.addAll(filter.parameters());
            }
            conditions.add("(\n" + sql.replace("{platform}", "(\n" + Sql.statement("analytics/platform") + "\n)") + "\n)");
            params.addAll(c.getValue());
        }
        String template = Sql.statement("analytics/drill_down");
        if (template.indexOf(FILTER) < 0 || template.indexOf(FILTER) > template.indexOf("{condition}")) {
            throw new IllegalStateException("the drill-down must name " + FILTER + " before {condition}");
        }
        String sql = template.replace(FILTER, "(\n" + filter.sql() + "\n)")
            .replace("{condition}", String.join("\n  AND ", conditions));
        if (sql.matches("(?s).*\\{[a-z_]+}.*")) {
            throw new IllegalStateException("unfilled placeholder in " + sql);
        }
        List<Object> all = new ArrayList<>(filter.parameters());
        all.addAll(params);
        // no parameter is null: set filters only, and a dimension's values are parsed, never null
        return new Bound(sql, all);
    }

    /** {@code analytics/filtered_plays_set}: the set filters of {@code f} only, with their parameters. */
    static Bound setFilter(DashboardFilter f) {
        List<String> conditions = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        Object[][] filters = {{"from", f.from()}, {"to", f.to()}, {"level", f.level()}, {"gender", f.gender()}};
        for (Object[] c : filters) {
            if (c[1] != null) {
                conditions.add("(" + Sql.statement("analytics/filter/" + c[0]) + ")");
                params.add(c[1] instanceof LocalDate d ? d.toString() : c[1]);
            }
        }
        String where = conditions.isEmpty() ? "TRUE" : String.join("\n  AND ", conditions);
        return new Bound(Sql.statement("analytics/filtered_plays_set").replace("{conditions}", where), params);
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
