package encore.task;

import java.util.concurrent.Callable;
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
            return Futures.await(pool.submit(work), cause -> new IllegalStateException("Parallel work failed: " + cause, cause));
        } finally {
            pool.shutdownNow();
        }
    }
}
