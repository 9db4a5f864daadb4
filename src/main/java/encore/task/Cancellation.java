package encore.task;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A cooperative cancel handle shared by the one who asks to cancel (a button, Ctrl-C) and the
 * operation that checks it. Work in progress that cannot poll (a running SQL statement) registers
 * a hook that interrupts it.
 */
public final class Cancellation {

    private volatile boolean cancelled;
    private final List<Runnable> hooks = new CopyOnWriteArrayList<>();

    public void cancel() {
        cancelled = true;
        for (Runnable hook : hooks) {
            try {
                hook.run();
            } catch (RuntimeException ignored) {
                // a hook that fails to interrupt must not stop the others
            }
        }
    }

    public boolean isCancelled() {
        return cancelled;
    }

    /** Throws {@link CancelledException} when cancel was asked for. */
    public void check() {
        if (cancelled) {
            throw new CancelledException();
        }
    }

    /** A registered hook; closing it unregisters it (and never throws). */
    public interface Registration extends AutoCloseable {
        @Override
        void close();
    }

    /** Runs {@code hook} on cancel until the returned registration is closed. */
    public Registration onCancel(Runnable hook) {
        hooks.add(hook);
        if (cancelled) {
            hook.run();
        }
        return () -> hooks.remove(hook);
    }
}
