package encore.task;

/**
 * One progress event of a long operation. Every long operation in Encore reports through this
 * type; the command line prints it and the desktop app shows it in its status bar.
 *
 * @param step    the step being worked on, e.g. "songs" or "checks"
 * @param done    units done so far in this step
 * @param total   units in this step, or -1 when not known
 * @param unit    what is counted, e.g. "files" or "rows"
 * @param message a short human-readable line
 * @param level   how important the message is
 */
public record Progress(String step, long done, long total, String unit, String message, Level level) {

    public enum Level { INFO, WARN, ERROR }

    public static Progress info(String step, long done, long total, String unit, String message) {
        return new Progress(step, done, total, unit, message, Level.INFO);
    }

    public static Progress note(String step, String message) {
        return new Progress(step, 0, -1, "", message, Level.INFO);
    }

    public static Progress warn(String step, String message) {
        return new Progress(step, 0, -1, "", message, Level.WARN);
    }

    public static Progress error(String step, String message) {
        return new Progress(step, 0, -1, "", message, Level.ERROR);
    }

    /** Fraction done in [0, 1], or -1 when the total is not known. */
    public double fraction() {
        return total > 0 ? Math.min(1.0, (double) done / total) : -1;
    }
}
