package encore.task;

/**
 * An error that reaches a user: what failed and what to do about it. Stack traces go to the log;
 * the message of this exception is what the CLI prints and the app shows.
 */
public class EncoreException extends RuntimeException {

    private final String hint;

    public EncoreException(String message, String hint) {
        this(message, hint, null);
    }

    public EncoreException(String message, String hint, Throwable cause) {
        super(message, cause);
        this.hint = hint;
    }

    /** What the user can do, or an empty string. */
    public String hint() {
        return hint == null ? "" : hint;
    }

    /** The message and the hint on one line. */
    public String oneLine() {
        return hint().isEmpty() ? getMessage() : getMessage() + " — " + hint();
    }
}
