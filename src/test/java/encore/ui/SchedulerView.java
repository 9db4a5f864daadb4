package encore.ui;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a long gap between frames went, as Linux's scheduler saw it: for a few named threads (and
 * the X server's main thread) the time they ran and the time they waited, runnable, for a core
 * ({@code /proc/.../schedstat}), and the time the machine's virtual cores were taken away by the
 * host ({@code steal} in {@code /proc/stat}). A thread that neither ran nor waited for a core in a
 * gap was asleep: waiting on something else. Linux only; elsewhere every figure is -1.
 */
final class SchedulerView {

    /** One thread's run and run-queue wait times, in nanoseconds, at one moment. */
    record Sched(long runNanos, long waitNanos) {
        static final Sched UNKNOWN = new Sched(-1, -1);
    }

    private final List<String> names = new ArrayList<>();
    private final List<Path> files = new ArrayList<>();

    /** Finds the threads of this process by name (as the kernel shortens it: 15 characters) and the X server. */
    SchedulerView(List<String> threadNames) {
        for (String name : threadNames) {
            names.add(name);
            files.add(taskOf(Path.of("/proc/self/task"), name.length() > 15 ? name.substring(0, 15) : name));
        }
        names.add("X server");
        files.add(xServer());
    }

    List<String> names() {
        return names;
    }

    /** Each thread's figures now, in the order of {@link #names()}. */
    Sched[] sample() {
        Sched[] out = new Sched[files.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = read(files.get(i));
        }
        return out;
    }

    /** The machine's stolen time so far, summed over its cores, in milliseconds; -1 if unknown. */
    static long stealMillis() {
        try {
            String first = Files.readAllLines(Path.of("/proc/stat")).get(0);
            String[] f = first.trim().split("\\s+");
            // cpu user nice system idle iowait irq softirq steal: clock ticks of 10 ms
            return f.length > 8 ? Long.parseLong(f[8]) * 10 : -1;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** "name ran R ms, waited W ms for a core" for each thread, between two samples. */
    String between(Sched[] before, Sched[] after) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < names.size(); i++) {
            if (before[i].runNanos() < 0 || after[i].runNanos() < 0) {
                continue;
            }
            if (!b.isEmpty()) {
                b.append("; ");
            }
            b.append(names.get(i)).append(" ran ").append((after[i].runNanos() - before[i].runNanos()) / 1_000_000)
                .append(" ms, waited ").append((after[i].waitNanos() - before[i].waitNanos()) / 1_000_000).append(" ms for a core");
        }
        return b.toString();
    }

    private static Sched read(Path file) {
        if (file == null) {
            return Sched.UNKNOWN;
        }
        try {
            String[] f = Files.readString(file).trim().split("\\s+");
            return new Sched(Long.parseLong(f[0]), Long.parseLong(f[1]));
        } catch (IOException | RuntimeException e) {
            return Sched.UNKNOWN;
        }
    }

    private static Path taskOf(Path tasks, String comm) {
        try (DirectoryStream<Path> dir = Files.newDirectoryStream(tasks)) {
            for (Path task : dir) {
                if (comm.equals(readComm(task))) {
                    return task.resolve("schedstat");
                }
            }
        } catch (IOException | RuntimeException e) {
            return null;
        }
        return null;
    }

    private static Path xServer() {
        try (DirectoryStream<Path> dir = Files.newDirectoryStream(Path.of("/proc"), p -> p.getFileName().toString().matches("\\d+"))) {
            for (Path process : dir) {
                String comm = readComm(process);
                if ("Xvfb".equals(comm) || "Xorg".equals(comm) || "Xwayland".equals(comm)) {
                    return process.resolve("schedstat");
                }
            }
        } catch (IOException | RuntimeException e) {
            return null;
        }
        return null;
    }

    private static String readComm(Path dir) {
        try {
            return Files.readString(dir.resolve("comm")).trim();
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }
}
