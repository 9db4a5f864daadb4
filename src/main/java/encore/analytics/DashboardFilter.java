package encore.analytics;

import encore.task.EncoreException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * What the dashboard shows: a range of UTC days, a subscription level and a listener gender. Every
 * chart applies it the same way (see {@code analytics/filtered_plays.sql}).
 *
 * @param from   first UTC day, inclusive, or null for no lower bound
 * @param to     last UTC day, inclusive, or null for no upper bound
 * @param level  "free" or "paid" (the level of the play), or null for any
 * @param gender "F" or "M" (the listener's gender in {@code users}), or null for any
 */
public record DashboardFilter(LocalDate from, LocalDate to, String level, String gender) {

    /** No restriction: every play. */
    public static final DashboardFilter ALL = new DashboardFilter(null, null, null, null);

    public DashboardFilter {
        if (from != null && to != null && from.isAfter(to)) {
            throw new EncoreException("The date range ends (" + to + ") before it starts (" + from + ")",
                "choose a first day on or before the last day");
        }
        if (level != null && !level.equals("free") && !level.equals("paid")) {
            throw new EncoreException("Unknown level: " + level, "use \"free\", \"paid\" or no level filter");
        }
        if (gender != null && !gender.equals("F") && !gender.equals("M")) {
            throw new EncoreException("Unknown gender: " + gender, "use \"F\", \"M\" or no gender filter");
        }
    }

    public DashboardFilter withDays(LocalDate from, LocalDate to) {
        return new DashboardFilter(from, to, level, gender);
    }

    public DashboardFilter withLevel(String level) {
        return new DashboardFilter(from, to, level, gender);
    }

    public DashboardFilter withGender(String gender) {
        return new DashboardFilter(from, to, level, gender);
    }

    /** The bind parameters of {@code analytics/filtered_plays.sql}, in order (may hold nulls). */
    List<Object> parameters() {
        List<Object> p = new ArrayList<>(8);
        p.add(from);
        p.add(from);
        p.add(to);
        p.add(to);
        p.add(level);
        p.add(level);
        p.add(gender);
        p.add(gender);
        return p;
    }
}
