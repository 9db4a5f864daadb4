package encore.task;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lowers the operating system's scheduling priority of a thread doing bulk work (a load, an
 * export) in the desktop app, so that the window's threads get a core first whenever they need
 * one and the bulk work takes what is left. On Linux each thread is scheduled on its own, so the
 * thread's nice value is raised to {@link #NICE} with {@code renice}; elsewhere, or when that
 * fails, the thread keeps its priority (the work is the same, the window may stutter more).
 * Threads the thread starts afterwards (readers, DuckDB's workers) inherit its priority. A raised
 * nice value cannot be lowered again without privileges: use it on threads that do only bulk work.
 */
public final class ThreadPriority {

    private static final Logger LOG = LoggerFactory.getLogger(ThreadPriority.class);

    /** The nice value of bulk-work threads (0 is normal, 19 the lowest priority). */
    public static final int NICE = 10;

    private static final Path THREAD_SELF = Path.of("/proc/thread-self");

    private ThreadPriority() {
    }

    /** Lowers the calling thread's priority; true when it was lowered. */
    public static boolean lowerCurrentThread() {
        String tid = currentThreadId();
        if (tid == null) {
            return false;
        }
        try {
            Process renice = new ProcessBuilder("renice", "-n", Integer.toString(NICE), "-p", tid)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
            if (!renice.waitFor(5, TimeUnit.SECONDS)) {
                renice.destroyForcibly();
                return false;
            }
            return renice.exitValue() == 0;
        } catch (IOException e) {
            LOG.debug("Cannot lower the priority of thread {}: {}", tid, e.getMessage());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The calling thread's nice value, or null where it cannot be read (not Linux). */
    public static Integer currentNice() {
        String tid = currentThreadId();
        if (tid == null) {
            return null;
        }
        try {
            String stat = Files.readString(THREAD_SELF.resolve("stat"));
            // the fields after the command name, which is in parentheses and may hold spaces
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Integer.valueOf(f[16]);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** The kernel's id of the calling thread (Linux), or null. */
    private static String currentThreadId() {
        try {
            // e.g. "4242/task/4250"
            return Files.readSymbolicLink(THREAD_SELF).getFileName().toString();
        } catch (IOException | UnsupportedOperationException e) {
            return null;
        }
    }
}
