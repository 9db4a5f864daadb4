package encore.analytics;

import encore.task.EncoreException;
import encore.warehouse.Sql;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The charts of the listening-activity dashboard, each one aggregation query inside DuckDB over
 * the songplays a {@link DashboardFilter} selects; only the aggregated rows reach Java.
 *
 * <p>Holds no state but the connection: call it from a background thread. A DuckDB connection
 * runs one query at a time, so the calls on one instance are serialized; give each thread that
 * must query at the same time its own connection (and instance).
 */
public final class ListeningAnalytics {

    /** The platforms {@link #platforms} reports, as classified by {@code analytics/platform.sql}. */
    public static final List<String> PLATFORMS = List.of("Windows", "Mac", "iPhone", "iPad", "Android", "Linux", "Other");

    private final Connection connection;
    private boolean useMarts = true;

    public ListeningAnalytics(Connection connection) {
        this.connection = Objects.requireNonNull(connection, "connection");
    }

    public Kpis kpis(DashboardFilter f) {
        return query(overMarts("kpis"), ChartSql.parameters(f), rs -> {
            rs.next();
            return new Kpis(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getDouble(4));
        });
    }

    /** Plays per UTC day, from the first to the last day with plays; days between without plays count 0. */
    public List<DayCount> playsPerDay(DashboardFilter f) {
        List<DayCount> found = query(overMarts("plays_per_day"), ChartSql.parameters(f), rs -> {
            List<DayCount> out = new ArrayList<>();
            while (rs.next()) {
                out.add(new DayCount(rs.getObject(1, LocalDate.class), rs.getLong(2)));
            }
            return out;
        });
        List<DayCount> out = new ArrayList<>();
        for (DayCount d : found) {
            LocalDate next = out.isEmpty() ? d.day() : out.get(out.size() - 1).day().plusDays(1);
            for (; next.isBefore(d.day()); next = next.plusDays(1)) {
                out.add(new DayCount(next, 0));
            }
            out.add(d);
        }
        return out;
    }

    /** Plays per UTC hour: 24 values, index = hour. */
    public long[] playsByHour(DashboardFilter f) {
        return query(overMarts("plays_by_hour"), ChartSql.parameters(f), rs -> {
            long[] out = new long[24];
            while (rs.next()) {
                out[rs.getInt(1)] = rs.getLong(2);
            }
            return out;
        });
    }

    /** Plays per ISO weekday and UTC hour: [7][24], index 0 = Monday. */
    public long[][] weekdayHourHeatmap(DashboardFilter f) {
        return query(overMarts("weekday_hour_heatmap"), ChartSql.parameters(f), rs -> {
            long[][] out = new long[7][24];
            while (rs.next()) {
                out[rs.getInt(1) - 1][rs.getInt(2)] = rs.getLong(3);
            }
            return out;
        });
    }

    /** Plays per ISO weekday in UTC: 7 values, index 0 = Monday. */
    public long[] playsByWeekday(DashboardFilter f) {
        return query(overMarts("plays_by_weekday"), ChartSql.parameters(f), rs -> {
            long[] out = new long[7];
            while (rs.next()) {
                out[rs.getInt(1) - 1] = rs.getLong(2);
            }
            return out;
        });
    }

    /** The n most played songs, by the title in the event (matched to the catalog or not); ties by title. */
    public List<Ranked> topSongs(DashboardFilter f, int n) {
        return ranked(overMarts("top_songs"), ChartSql.parameters(f, limit(n)));
    }

    /** The n most played artists, by the name in the event (matched to the catalog or not); ties by name. */
    public List<Ranked> topArtists(DashboardFilter f, int n) {
        return ranked(overMarts("top_artists"), ChartSql.parameters(f, limit(n)));
    }

    /** The n locations with most plays; ties by location. */
    public List<Ranked> topLocations(DashboardFilter f, int n) {
        return ranked("top_locations", ChartSql.parameters(f, limit(n)));
    }

    /** Plays by listener gender ("F", "M", "unknown"), most first. */
    public List<Ranked> playsByGender(DashboardFilter f) {
        return ranked(overMarts("plays_by_gender"), ChartSql.parameters(f));
    }

    /** Plays by platform (one of {@link #PLATFORMS}), most first; platforms without plays are absent. */
    public List<Ranked> platforms(DashboardFilter f) {
        return ranked("platforms", ChartSql.parameters(f));
    }

    /** Free and paid plays per UTC day, days with plays only, in day order. */
    public List<LevelDay> levelShareOverTime(DashboardFilter f) {
        return query(overMarts("level_share_over_time"), ChartSql.parameters(f), rs -> {
            List<LevelDay> out = new ArrayList<>();
            while (rs.next()) {
                out.add(new LevelDay(rs.getObject(1, LocalDate.class), rs.getLong(2), rs.getLong(3)));
            }
            return out;
        });
    }

    /** Sessions by plays per session, in the fixed bins 1, 2-5, 6-10, 11-20, 21-50, 51-100, >100 (all returned). */
    public List<Bin> sessionLengthHistogram(DashboardFilter f) {
        return query(overMarts("session_length_histogram"), ChartSql.parameters(f), rs -> {
            List<Bin> out = new ArrayList<>();
            while (rs.next()) {
                long hi = rs.getLong(3);
                Long max = rs.wasNull() ? null : hi;
                out.add(new Bin(rs.getString(1), rs.getLong(2), max, rs.getLong(4)));
            }
            return out;
        });
    }

    /**
     * The query for the songplays behind one chart element under the filter: {@code value} is the
     * element's label as the chart gives it (see {@link Dimension}).
     */
    public DrillDown drillDown(DashboardFilter f, Dimension dim, String value) {
        return drillDown(f, List.of(new DrillDown.By(dim, value)));
    }

    /**
     * The query for the songplays behind a chart element that stands for several dimensions at once
     * (a heatmap cell: weekday and hour; a free/paid segment: day and level), under the filter: the
     * plays that meet every one of {@code by}.
     */
    public DrillDown drillDown(DashboardFilter f, List<DrillDown.By> by) {
        Objects.requireNonNull(f, "f");
        if (by == null || by.isEmpty()) {
            throw new EncoreException("Nothing to drill into", "pick a bar or cell of the chart");
        }
        List<Map.Entry<Dimension, List<Object>>> bound = new ArrayList<>();
        for (DrillDown.By b : by) {
            Objects.requireNonNull(b.dimension(), "dimension");
            bound.add(Map.entry(b.dimension(), drillValue(b.dimension(), b.value())));
        }
        ChartSql.Bound q = ChartSql.drillDown(f, bound);
        String value = by.size() == 1 ? by.get(0).value()
            : String.join(", ", by.stream().map(b -> b.value().strip()).toList());
        return new DrillDown(by.get(0).dimension(), value, q.sql(), q.parameters());
    }

    /** How many songplays a drill-down selects. */
    public long count(DrillDown d) {
        synchronized (connection) {
            try (PreparedStatement st = prepare(d.countSql(), d.parameters()); ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            } catch (SQLException e) {
                throw failed("The drill-down count", e);
            }
        }
    }

    /** The bound values of a dimension's condition in {@code drill/}. */
    private static List<Object> drillValue(Dimension dim, String value) {
        if (dim == Dimension.SESSION_LENGTH) {
            return sessionLength(value);
        }
        return List.of(drillValue1(dim, value));
    }

    /** A session-length bin label ("1", "2-5", ">100") as its least and greatest plays (inclusive). */
    private static List<Object> sessionLength(String value) {
        if (value == null) {
            throw new EncoreException("No session length to drill into", "pick a bar of the chart");
        }
        String v = value.strip();
        Long lo;
        Long hi;
        int dash = v.indexOf('-');
        if (v.startsWith(">")) {
            Long n = parseLong(v.substring(1).strip());
            lo = n == null ? null : n + 1;
            hi = Long.MAX_VALUE;
        } else if (dash > 0) {
            lo = parseLong(v.substring(0, dash).strip());
            hi = parseLong(v.substring(dash + 1).strip());
        } else {
            lo = parseLong(v);
            hi = lo;
        }
        if (lo == null || hi == null || lo < 1 || hi < lo) {
            throw badValue(Dimension.SESSION_LENGTH, value, "plays per session as N, N-M or >N");
        }
        return List.of(lo, hi);
    }

    private static Long parseLong(String s) {
        try {
            return Long.valueOf(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Object drillValue1(Dimension dim, String value) {
        if (value == null) {
            throw new EncoreException("No " + dim.name().toLowerCase(Locale.ROOT) + " to drill into",
                "pick a bar or cell of the chart");
        }
        String v = value.strip();
        switch (dim) {
            case DAY:
                try {
                    return LocalDate.parse(v).toString();
                } catch (DateTimeParseException e) {
                    throw badValue(dim, value, "a day as YYYY-MM-DD");
                }
            case HOUR: {
                Integer h = parseInt(v);
                if (h == null || h < 0 || h > 23) {
                    throw badValue(dim, value, "an hour from 0 to 23");
                }
                return h;
            }
            case WEEKDAY: {
                Integer d = parseInt(v);
                if (d == null) {
                    for (DayOfWeek w : DayOfWeek.values()) {
                        if (v.equalsIgnoreCase(w.getDisplayName(TextStyle.FULL, Locale.ENGLISH))
                            || v.equalsIgnoreCase(w.getDisplayName(TextStyle.SHORT, Locale.ENGLISH))) {
                            d = w.getValue();
                        }
                    }
                }
                if (d == null || d < 1 || d > 7) {
                    throw badValue(dim, value, "a weekday from 1 (Monday) to 7 (Sunday), or its name");
                }
                return d;
            }
            case PLATFORM:
                if (!PLATFORMS.contains(value)) {
                    throw badValue(dim, value, "one of " + String.join(", ", PLATFORMS));
                }
                return value;
            case LEVEL:
                if (!value.equals("free") && !value.equals("paid")) {
                    throw badValue(dim, value, "\"free\" or \"paid\"");
                }
                return value;
            default:
                return value; // song, artist, location, gender: exactly as the chart labels them
        }
    }

    private static Integer parseInt(String s) {
        try {
            return Integer.valueOf(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static EncoreException badValue(Dimension dim, String value, String expected) {
        return new EncoreException("Cannot drill into " + dim.name().toLowerCase(Locale.ROOT) + " \"" + value + "\"",
            "expected " + expected);
    }

    private static int limit(int n) {
        if (n < 1) {
            throw new EncoreException("A top list needs at least one entry, not " + n, "ask for 1 or more");
        }
        return n;
    }

    private List<Ranked> ranked(String name, List<Object> params) {
        return query(name, params, rs -> {
            List<Ranked> out = new ArrayList<>();
            while (rs.next()) {
                out.add(new Ranked(rs.getString(1), rs.getLong(2)));
            }
            return out;
        });
    }

    /**
     * The mart variant of a chart ({@code NAME_mart}) while the dashboard marts match songplays and
     * users (see warehouse/star_marts.sql), else the chart over songplays. Both give the same numbers.
     */
    private String overMarts(String chart) {
        return useMarts && martsCurrent() ? chart + "_mart" : chart;
    }

    private boolean martsCurrent() {
        synchronized (connection) {
            try (var st = connection.createStatement();
                 ResultSet rs = st.executeQuery("SELECT count(*) FROM duckdb_tables() WHERE table_name = 'dashboard_marts_state'")) {
                rs.next();
                if (rs.getLong(1) == 0) {
                    return false;
                }
            } catch (SQLException e) {
                return false;
            }
            try (var st = connection.createStatement(); ResultSet rs = st.executeQuery(Sql.statement("analytics/marts_current"))) {
                rs.next();
                return rs.getLong(1) == 1;
            } catch (SQLException e) {
                return false;
            }
        }
    }

    /** For tests: always read songplays, never the marts. */
    ListeningAnalytics withoutMarts() {
        useMarts = false;
        return this;
    }

    private interface Rows<T> {
        T read(ResultSet rs) throws SQLException;
    }

    private <T> T query(String chart, List<Object> params, Rows<T> rows) {
        String sql = ChartSql.chart(chart);
        synchronized (connection) {
            try (PreparedStatement st = prepare(sql, params); ResultSet rs = st.executeQuery()) {
                return rows.read(rs);
            } catch (SQLException e) {
                throw failed("The " + chart.replace('_', ' ') + " chart", e);
            }
        }
    }

    private PreparedStatement prepare(String sql, List<Object> params) throws SQLException {
        PreparedStatement st = connection.prepareStatement(sql);
        try {
            for (int i = 0; i < params.size(); i++) {
                st.setObject(i + 1, params.get(i));
            }
            return st;
        } catch (SQLException | RuntimeException e) {
            st.close();
            throw e;
        }
    }

    private static EncoreException failed(String what, SQLException e) {
        String msg = e.getMessage() == null ? "" : e.getMessage().lines().findFirst().orElse("");
        return new EncoreException(what + " could not be computed: " + msg,
            "check that the file is an Encore warehouse (load it with `encore etl`)", e);
    }
}
