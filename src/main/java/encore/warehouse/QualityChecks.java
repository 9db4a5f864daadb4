package encore.warehouse;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The data-quality checks run after every load: every star table non-empty, no NULL keys, unique
 * keys, and every songplay's user and start time present in their dimensions. Each check is a
 * query in {@code encore/sql/warehouse/checks/} that counts offending rows.
 */
public final class QualityChecks {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(QualityChecks.class);

    /** A check over a table (and a key column, for key checks). */
    record Check(String name, String template, String table, String column) {
    }

    static final List<Check> CHECKS = build();

    private static List<Check> build() {
        Map<String, String> keys = Map.of(
            "songs", "song_id",
            "artists", "artist_id",
            "users", "user_id",
            "time", "start_time",
            "songplays", "songplay_id");
        List<Check> checks = new ArrayList<>();
        for (String table : Warehouse.STAR_TABLES) {
            checks.add(new Check(table + " not empty", "not_empty", table, null));
        }
        for (String table : Warehouse.STAR_TABLES) {
            String key = keys.get(table);
            checks.add(new Check(table + "." + key + " not null", "no_null_key", table, key));
            checks.add(new Check(table + "." + key + " unique", "unique_key", table, key));
        }
        checks.add(new Check("songplays natural key unique", "unique_key", "songplays",
            "user_id, session_id, item_in_session, start_time"));
        checks.add(new Check("songplays.user_id in users", "songplay_users", "songplays", null));
        checks.add(new Check("songplays.start_time in time", "songplay_times", "songplays", null));
        return List.copyOf(checks);
    }

    private final Warehouse warehouse;

    public QualityChecks(Warehouse warehouse) {
        this.warehouse = warehouse;
    }

    /**
     * Runs every check. A check whose query fails (DuckDB out of memory, a damaged file) fails
     * itself, with offending {@link CheckResult#COULD_NOT_RUN}, and the others still run: the
     * checks run after a load has landed, so they report, they never undo.
     */
    public List<CheckResult> run() {
        List<CheckResult> results = new ArrayList<>(CHECKS.size());
        for (Check c : CHECKS) {
            String sql = sqlOf(c);
            long offending;
            try {
                offending = warehouse.count(sql);
            } catch (WarehouseException e) {
                LOG.warn("Check '{}' could not run: {}", c.name(), e.getMessage(), e);
                offending = CheckResult.COULD_NOT_RUN;
            }
            results.add(new CheckResult(c.name(), c.table(), offending == 0, offending));
        }
        return results;
    }

    static String sqlOf(Check c) {
        String template = "warehouse/checks/" + c.template();
        if (c.column() == null) {
            return Sql.template(template, Map.of("table", Warehouse.quoted(c.table())));
        }
        String sql = Sql.template(template, Map.of("table", Warehouse.quoted(c.table()), "column", "KEYCOLS"));
        return sql.replace("KEYCOLS", columnList(c.column()));
    }

    /** A key column list from the fixed set above, validated identifier by identifier. */
    private static String columnList(String columns) {
        for (String col : columns.split(",\\s*")) {
            if (!col.matches("[a-z_]+")) {
                throw new IllegalArgumentException("not an identifier: " + col);
            }
        }
        return columns;
    }
}
