package encore.task;

/** Receives the progress events of a long operation. Implementations must be thread-safe. */
@FunctionalInterface
public interface ProgressListener {

    void onProgress(Progress progress);

    ProgressListener NONE = p -> { };
}
