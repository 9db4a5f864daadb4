package encore.warehouse;

/**
 * The outcome of one data-quality check.
 *
 * @param name      e.g. "songs.song_id unique"
 * @param table     the table checked
 * @param passed    whether the check passed
 * @param offending rows that break the rule (for "not empty": 1 when the table is empty)
 */
public record CheckResult(String name, String table, boolean passed, long offending) {
}
