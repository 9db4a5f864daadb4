package encore.source;

import encore.task.Cancellation;
import encore.task.EncoreException;
import encore.task.OwnPool;
import encore.task.Progress;
import encore.task.ProgressListener;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Walks the song and log folders and lists their JSON files. Song folders are walked in parallel
 * (one task per top-level sub-folder, on a pool of the scan's own): at a million files the walk is
 * a visible part of a load.
 */
public final class SourceScanner {

    public static final String STEP = "scan";

    private final ProgressListener progress;
    private final Cancellation cancel;
    private final int threads;

    public SourceScanner(ProgressListener progress, Cancellation cancel) {
        this(progress, cancel, Runtime.getRuntime().availableProcessors());
    }

    /** @param threads how many folders are walked at once (a load in the app leaves a core to the window) */
    public SourceScanner(ProgressListener progress, Cancellation cancel, int threads) {
        this.progress = progress;
        this.cancel = cancel;
        this.threads = Math.max(1, threads);
    }

    public SourceInventory scan(SourceLocation location) {
        AtomicLong songBytes = new AtomicLong();
        List<Path> songs = location.songsFolder().map(dir -> listJson(dir, songBytes)).orElse(List.of());
        AtomicLong logBytes = new AtomicLong();
        List<LogFile> logs = location.logsFolder().map(dir -> listLogs(dir, logBytes)).orElse(List.of());
        SourceInventory inventory = new SourceInventory(location, songs, songBytes.get(), logs, logBytes.get());
        progress.onProgress(Progress.note(STEP, "Found " + inventory.describe()));
        if (location.songs() == null) {
            progress.onProgress(Progress.warn(STEP, "No song folder: plays are matched only against songs already in the warehouse"));
        } else if (songs.isEmpty()) {
            progress.onProgress(Progress.warn(STEP, "No .json files under " + location.songs()));
        }
        if (location.logs() == null) {
            progress.onProgress(Progress.warn(STEP, "No log folder: no plays will be loaded"));
        } else if (logs.isEmpty()) {
            progress.onProgress(Progress.warn(STEP, "No .json files under " + location.logs()));
        }
        return inventory;
    }

    private List<LogFile> listLogs(Path dir, AtomicLong bytes) {
        List<Path> files = listJson(dir, bytes);
        List<LogFile> logs = new ArrayList<>(files.size());
        for (Path f : files) {
            logs.add(LogFile.of(f, size(f)));
        }
        return logs;
    }

    private List<Path> listJson(Path dir, AtomicLong bytes) {
        List<Path> topLevel;
        try (Stream<Path> children = Files.list(dir)) {
            topLevel = children.sorted().toList();
        } catch (IOException e) {
            throw new EncoreException("Cannot list " + dir + ": " + e.getMessage(), "check the folder's permissions", e);
        }
        AtomicLong found = new AtomicLong();
        List<String> unreadable = new java.util.concurrent.CopyOnWriteArrayList<>();
        // on a pool of its own: its threads have the caller's priority (a load's lowered one in the app)
        List<Path> files = OwnPool.call(threads, () -> topLevel.parallelStream()
            .flatMap(child -> walk(child, bytes, found, unreadable).stream())
            .sorted(Comparator.naturalOrder())
            .toList());
        if (!unreadable.isEmpty()) {
            throw new EncoreException("Cannot read " + unreadable.size() + (unreadable.size() == 1 ? " entry" : " entries")
                + " under " + dir + ", e.g. " + unreadable.get(0),
                "fix the permissions (or move the entries out) and run again; nothing was loaded");
        }
        progress.onProgress(Progress.info(STEP, files.size(), files.size(), "files", "Listed " + dir));
        return files;
    }

    private List<Path> walk(Path start, AtomicLong bytes, AtomicLong found, List<String> unreadable) {
        List<Path> out = new ArrayList<>();
        try {
            Files.walkFileTree(start, java.util.EnumSet.of(java.nio.file.FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE,
                new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (attrs.isRegularFile() && isJson(file)) {
                        out.add(file);
                        bytes.addAndGet(attrs.size());
                        long n = found.incrementAndGet();
                        if (n % 50_000 == 0) {
                            cancel.check();
                            progress.onProgress(Progress.info(STEP, n, -1, "files", "Listing files"));
                        }
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException exc) {
                    String why = exc instanceof java.nio.file.AccessDeniedException ? "permission denied"
                        : exc instanceof java.nio.file.FileSystemLoopException ? "a link that loops back"
                        : exc.getClass().getSimpleName() + " " + exc.getMessage();
                    if (!Files.isSymbolicLink(file) || Files.exists(file)) {
                        unreadable.add(file + " (" + why + ")");
                    } else {
                        progress.onProgress(Progress.warn(STEP, "Skipped a broken link: " + file));
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    static boolean isJson(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(".json") && !name.startsWith(".");
    }

    private static long size(Path f) {
        try {
            return Files.size(f);
        } catch (IOException e) {
            return 0;
        }
    }
}
