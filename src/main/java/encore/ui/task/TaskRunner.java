package encore.ui.task;

import encore.task.Cancellation;
import encore.task.EncoreException;
import encore.task.CancelledException;
import encore.task.Progress;
import encore.task.ThreadPriority;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.concurrent.Task;
import javafx.concurrent.Worker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs core work off the FX thread as a {@link javafx.concurrent.Task}, turning the core's
 * progress events into the task's progress and message, and its cancel into the core's
 * cooperative {@link Cancellation}. The status bar shows {@link #current()}.
 */
public final class TaskRunner {

    private static final Logger LOG = LoggerFactory.getLogger(TaskRunner.class);

    /**
     * A running task and the handle that cancels it. A class, not a record: a run equals only
     * itself, and a record's generated equals() costs its first call tens of milliseconds of
     * bootstrapping, which the status bar's change listener paid on the FX thread as the first
     * load started (see the README's desktop figures).
     */
    public static final class Running {
        private final String title;
        private final Task<?> task;
        private final Cancellation cancel;

        Running(String title, Task<?> task, Cancellation cancel) {
            this.title = title;
            this.task = task;
            this.cancel = cancel;
        }

        public String title() {
            return title;
        }

        public Task<?> task() {
            return task;
        }

        public Cancellation cancel() {
            return cancel;
        }
    }

    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "encore-task");
        t.setDaemon(true);
        return t;
    });
    /** For bulk work (loads, exports): its threads run at a lower OS priority than the window's. */
    private final ExecutorService bulkExecutor = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(() -> {
            ThreadPriority.lowerCurrentThread();
            r.run();
        }, "encore-bulk");
        t.setDaemon(true);
        return t;
    });
    private final ObjectProperty<Running> current = new SimpleObjectProperty<>();
    private final Consumer<Progress> log;

    /** @param log receives every progress event on the FX thread (the pipeline log) */
    public TaskRunner(Consumer<Progress> log) {
        this.log = log;
    }

    public ReadOnlyObjectProperty<Running> current() {
        return current;
    }

    /**
     * Starts {@code work}. Exactly one of the callbacks runs on the FX thread when it ends;
     * {@code onCancelled} when it stopped because it was cancelled.
     */
    public <T> Running run(String title, boolean foreground, Work<T> work, Consumer<T> onSuccess,
                           Consumer<Throwable> onError, Runnable onCancelled) {
        return run(title, foreground, executor, work, onSuccess, onError, onCancelled);
    }

    /**
     * Starts bulk {@code work} (a load, an export) in the foreground, on a thread of lower OS
     * priority than the window's ({@link ThreadPriority}): the window stays smooth while it runs.
     */
    public <T> Running runBulk(String title, Work<T> work, Consumer<T> onSuccess,
                               Consumer<Throwable> onError, Runnable onCancelled) {
        return run(title, true, bulkExecutor, work, onSuccess, onError, onCancelled);
    }

    private <T> Running run(String title, boolean foreground, ExecutorService on, Work<T> work, Consumer<T> onSuccess,
                            Consumer<Throwable> onError, Runnable onCancelled) {
        Cancellation cancel = new Cancellation();
        Task<T> task = new Task<>() {
            @Override
            protected T call() throws Exception {
                updateTitle(title);
                T value = work.run(p -> {
                    if (p.level() == Progress.Level.INFO) {
                        updateMessage(p.message());
                        if (p.total() > 0) {
                            updateProgress(p.done(), p.total());
                        }
                    }
                    if (foreground) {
                        Platform.runLater(() -> log.accept(p));
                    }
                }, cancel);
                if (value != null) {
                    // The callbacks put the value into properties, whose change listeners call its
                    // equals() on the FX thread. A record's equals() is linked at its first call,
                    // tens of milliseconds the first time in a JVM: here, not on the FX thread.
                    value.equals(null);
                }
                return value;
            }
        };
        Running running = new Running(title, task, cancel);
        task.stateProperty().addListener((obs, old, state) -> {
            if (state == Worker.State.SUCCEEDED) {
                finish(running);
                onSuccess.accept(task.getValue());
            } else if (state == Worker.State.FAILED) {
                finish(running);
                Throwable ex = task.getException();
                if (ex instanceof CancelledException) {
                    onCancelled.run();
                } else {
                    if (foreground) {
                        // a failure stays in the task log and the log file, not only in its view
                        String message = ex instanceof EncoreException ee ? ee.oneLine() : String.valueOf(ex);
                        log.accept(Progress.error(title.toLowerCase(java.util.Locale.ROOT), "Failed: " + message));
                        if (ex instanceof EncoreException) {
                            LOG.info("{} failed: {}", title, message);
                        } else {
                            LOG.warn("{} failed: {}", title, message, ex);
                        }
                    }
                    onError.accept(ex);
                }
            }
        });
        if (foreground) {
            current.set(running);
        }
        on.execute(task);
        return running;
    }

    private void finish(Running running) {
        if (current.get() == running) {
            current.set(null);
        }
    }

    public void shutdown() {
        Running r = current.get();
        if (r != null) {
            r.cancel().cancel();
        }
        executor.shutdown();
        bulkExecutor.shutdown();
    }
}
