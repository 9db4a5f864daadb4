package encore.cli;

import encore.task.Progress;
import encore.task.ProgressListener;
import java.io.PrintWriter;
import java.util.HashMap;
import java.util.Map;

/**
 * Prints progress events as lines on stderr: warnings always, step updates at most twice a
 * second per step, and the last update of a step when it completes.
 */
final class ConsoleProgress implements ProgressListener {

    private final PrintWriter err;
    private final boolean quiet;
    private final Map<String, Long> lastPrinted = new HashMap<>();

    ConsoleProgress(PrintWriter err, boolean quiet) {
        this.err = err;
        this.quiet = quiet;
    }

    @Override
    public synchronized void onProgress(Progress p) {
        if (p.level() != Progress.Level.INFO) {
            err.println("[" + p.step() + "] " + p.level() + ": " + p.message());
            err.flush();
            return;
        }
        if (quiet) {
            return;
        }
        long now = System.nanoTime();
        boolean complete = p.total() > 0 && p.done() >= p.total();
        Long last = lastPrinted.get(p.step());
        boolean note = p.total() < 0 && p.done() == 0;
        if (!complete && !note && last != null && now - last < 500_000_000L) {
            return;
        }
        lastPrinted.put(p.step(), now);
        String pct = p.fraction() >= 0 ? String.format(" %3.0f%%", p.fraction() * 100) : "";
        err.println("[" + p.step() + "]" + pct + " " + p.message());
        err.flush();
    }
}
