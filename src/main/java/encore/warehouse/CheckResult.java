package encore.warehouse;

/**
 * The outcome of one data-quality check.
 *
 * @param name      e.g. "songs.song_id unique"
 * @param table     the table checked
 * @param passed    whether the check passed
 * @param offending rows that break the rule (for "not empty": 1 when the table is empty), or
 *                  {@link #COULD_NOT_RUN} when the check's query failed
 */
public record CheckResult(String name, String table, boolean passed, long offending) {

    /** The offending count of a check whose query failed (the log says why). */
    public static final long COULD_NOT_RUN = -1;

    /** "PASS name" or "FAIL name (why)", for people. */
    public String describe() {
        if (passed) {
            return "PASS  " + name;
        }
        String why = offending == COULD_NOT_RUN ? "could not run: see the log"
            : name.endsWith("not empty") ? "the table is empty" : String.format("%,d offending rows", offending);
        return "FAIL  " + name + " (" + why + ")";
    }
}
