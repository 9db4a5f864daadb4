package encore.task;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.function.Function;

/** Waiting for work done on another thread, with its failure surfacing in the waiting thread. */
public final class Futures {

    private Futures() {
    }

    /**
     * The result of {@code future}: a runtime exception of the work is rethrown as it was, any
     * other failure as {@code otherwise} makes it; an interrupted wait counts as a cancel.
     */
    public static <T> T await(Future<T> future, Function<Throwable, RuntimeException> otherwise) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancelledException();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            throw otherwise.apply(cause);
        }
    }
}
