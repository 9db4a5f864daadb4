package encore.task;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;

/**
 * Runs parallel-stream work on a fork-join pool of its own instead of the JVM-wide common pool.
 * The common pool's threads live on between uses and keep the OS priority of whichever thread
 * happened to start them (in the desktop app often a normal-priority one); a pool made here
 * starts its threads from the caller, so they inherit the caller's priority (a bulk task's lowered
 * one, see {@link ThreadPriority}), and it is gone when the work is done.
 */
public final class OwnPool {

    private OwnPool() {
    }

    /** Runs {@code work} (which may use parallel streams) on a new pool of {@code parallelism} threads. */
    public static <T> T call(int parallelism, Callable<T> work) {
        ForkJoinPool pool = new ForkJoinPool(Math.max(1, parallelism));
        try {
            return pool.submit(work).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancelledException();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(cause);
        } finally {
            pool.shutdownNow();
        }
    }
}
