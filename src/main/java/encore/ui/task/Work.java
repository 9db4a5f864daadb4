package encore.ui.task;

import encore.task.Cancellation;
import encore.task.ProgressListener;

/** A piece of core work: reports progress, honours cancellation, returns a value. */
@FunctionalInterface
public interface Work<T> {
    T run(ProgressListener progress, Cancellation cancel) throws Exception;
}
