package encore.cli;

import encore.task.Cancellation;
import encore.warehouse.WarehouseSettings;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiFunction;
import java.util.function.Function;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/** The options of the long-running commands (etl, export), and running their work cancellable by Ctrl-C. */
final class RunOptions {

    /** A report's answer when a Ctrl-C during it should end the process as the signal does (130). */
    static final int LEAVE_EXIT_TO_SIGNAL = -1;

    @Option(names = "--json", description = "print the summary as one JSON object")
    boolean json;

    @Option(names = "--quiet", description = "print only warnings on stderr")
    boolean quiet;

    @Option(names = "--memory-limit", defaultValue = "1GB", paramLabel = "SIZE", description = "DuckDB memory limit (default: ${DEFAULT-VALUE})")
    String memoryLimit;

    /** The DuckDB settings these options give; a memory limit DuckDB would not take is a usage error. */
    WarehouseSettings settings(CommandSpec spec) {
        if (!WarehouseSettings.isMemoryLimit(memoryLimit)) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                "--memory-limit: expected a size such as 512MB, 2GB or 50%, got '" + memoryLimit + "'");
        }
        return new WarehouseSettings(memoryLimit, 0, null);
    }

    /**
     * Runs {@code work} with a cancel handle that Ctrl-C (the JVM shutting down) fires; the
     * shutdown waits up to 30 s for the work to stop, so it can leave the data as it was.
     */
    static <T> T cancellableByCtrlC(Function<Cancellation, T> work) {
        AtomicReference<T> result = new AtomicReference<>();
        cancellableByCtrlC(work, (r, cancel) -> {
            result.set(r);
            return LEAVE_EXIT_TO_SIGNAL;
        });
        return result.get();
    }

    /**
     * Runs {@code work} as {@link #cancellableByCtrlC(Function)} does, then {@code report} (which
     * prints the result and returns the exit code, or {@link #LEAVE_EXIT_TO_SIGNAL}). When Ctrl-C
     * comes too late to stop the work (a load that has already landed finishes its checks), the
     * shutdown waits for the report too and the process exits with the report's code, not the
     * signal's: 0 or 3, with the summary printed.
     * Work that stops on the cancel (it throws) leaves the exit to the signal (130 for Ctrl-C).
     */
    static <T> int cancellableByCtrlC(Function<Cancellation, T> work, BiFunction<T, Cancellation, Integer> report) {
        Cancellation cancel = new Cancellation();
        CountDownLatch finished = new CountDownLatch(1);
        AtomicInteger exitCode = new AtomicInteger(LEAVE_EXIT_TO_SIGNAL);
        Thread hook = new Thread(() -> {
            cancel.cancel();
            try {
                if (finished.await(30, TimeUnit.SECONDS) && exitCode.get() >= 0) {
                    System.out.flush();
                    System.err.flush();
                    Runtime.getRuntime().halt(exitCode.get());
                }
            } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
            }
        }, "encore-cancel");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            T result = work.apply(cancel);
            int code = report.apply(result, cancel);
            exitCode.set(code);
            return code;
        } finally {
            finished.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException ignored) {
                // already shutting down
            }
        }
    }
}
