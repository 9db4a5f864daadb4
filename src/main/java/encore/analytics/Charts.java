package encore.analytics;

import java.time.DayOfWeek;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Turns every {@link ListeningAnalytics} result into {@link ChartData}, for export. */
public final class Charts {

    private Charts() {
    }

    public static ChartData kpis(Kpis k) {
        return new ChartData("Key figures", List.of("plays", "listeners", "sessions", "paid_share"),
            List.of(List.of(k.plays(), k.listeners(), k.sessions(), k.paidShare())));
    }

    public static ChartData playsPerDay(List<DayCount> days) {
        List<List<Object>> rows = new ArrayList<>();
        for (DayCount d : days) {
            rows.add(List.of(d.day(), d.plays()));
        }
        return new ChartData("Plays per day", List.of("day", "plays"), rows);
    }

    public static ChartData playsByHour(long[] hours) {
        List<List<Object>> rows = new ArrayList<>();
        for (int h = 0; h < hours.length; h++) {
            rows.add(List.of(h, hours[h]));
        }
        return new ChartData("Plays by hour (UTC)", List.of("hour", "plays"), rows);
    }

    public static ChartData playsByWeekday(long[] weekdays) {
        List<List<Object>> rows = new ArrayList<>();
        for (int d = 0; d < weekdays.length; d++) {
            rows.add(List.of(d + 1, weekdayName(d + 1), weekdays[d]));
        }
        return new ChartData("Plays by weekday", List.of("weekday", "name", "plays"), rows);
    }

    /** One row per weekday (Monday first), one column per UTC hour. */
    public static ChartData weekdayHourHeatmap(long[][] cells) {
        List<String> columns = new ArrayList<>();
        columns.add("weekday");
        for (int h = 0; h < 24; h++) {
            columns.add(Integer.toString(h));
        }
        List<List<Object>> rows = new ArrayList<>();
        for (int d = 0; d < cells.length; d++) {
            List<Object> row = new ArrayList<>();
            row.add(weekdayName(d + 1));
            for (long c : cells[d]) {
                row.add(c);
            }
            rows.add(row);
        }
        return new ChartData("Plays by weekday and hour (UTC)", columns, rows);
    }

    /** A ranked chart (top songs, artists, locations; gender; platforms) with its label column's name. */
    public static ChartData ranked(String title, String labelColumn, List<Ranked> ranked) {
        List<List<Object>> rows = new ArrayList<>();
        for (Ranked r : ranked) {
            rows.add(List.of(r.label(), r.plays()));
        }
        return new ChartData(title, List.of(labelColumn, "plays"), rows);
    }

    public static ChartData levelShareOverTime(List<LevelDay> days) {
        List<List<Object>> rows = new ArrayList<>();
        for (LevelDay d : days) {
            rows.add(List.of(d.day(), d.freePlays(), d.paidPlays()));
        }
        return new ChartData("Free and paid plays per day", List.of("day", "free_plays", "paid_plays"), rows);
    }

    public static ChartData sessionLengthHistogram(List<Bin> bins) {
        List<List<Object>> rows = new ArrayList<>();
        for (Bin b : bins) {
            List<Object> row = new ArrayList<>();
            row.add(b.label());
            row.add(b.min());
            row.add(b.max());
            row.add(b.sessions());
            rows.add(row);
        }
        return new ChartData("Sessions by number of plays", List.of("plays_per_session", "min", "max", "sessions"), rows);
    }

    /** "Monday" for 1 … "Sunday" for 7. */
    public static String weekdayName(int isoWeekday) {
        return DayOfWeek.of(isoWeekday).getDisplayName(TextStyle.FULL, Locale.ENGLISH);
    }
}
