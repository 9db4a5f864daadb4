package encore.analytics;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The songplays behind one chart element, as a query for a paging grid to run: {@code sql}
 * selects the songplays columns in time order; {@code parameters} are its bind values, in order
 * (never null: a filter that is not set adds no condition; bind them with {@code setObject}).
 * {@code dimension} is the first dimension drilled into; {@code value} its value, or the values of
 * all of them joined by ", " when the element stands for several (a heatmap cell: weekday, hour).
 */
public record DrillDown(Dimension dimension, String value, String sql, List<Object> parameters) {

    public DrillDown {
        parameters = List.copyOf(parameters);
    }

    /** One dimension of a chart element and its value as the chart labels it (see {@link Dimension}). */
    public record By(Dimension dimension, String value) {
    }

    /** A query for the number of rows of {@link #sql}; same parameters. */
    public String countSql() {
        return "SELECT count(*) FROM (\n" + sql + "\n) AS drill";
    }

    /** {@link #sql} with two more parameters at the end: a limit and an offset (see {@link #pageParameters}). */
    public String pageSql() {
        return sql + "\nLIMIT ? OFFSET ?";
    }

    /** The parameters of {@link #pageSql()} for one page. */
    public List<Object> pageParameters(long offset, long limit) {
        List<Object> p = new ArrayList<>(parameters);
        p.add(limit);
        p.add(offset);
        return Collections.unmodifiableList(p);
    }
}
