package encore.task;

/** Thrown by an operation that stopped because it was cancelled. */
public final class CancelledException extends RuntimeException {

    public CancelledException() {
        super("cancelled");
    }
}
