package encore.storage;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;

/** Local file-system helpers (the lake's folders, a load's temporary files). */
public final class Folders {

    private Folders() {
    }

    /** Deletes {@code dir} and everything in it (or the file {@code dir}); a missing one is fine. */
    public static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.deleteIfExists(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException exc) throws IOException {
                if (exc != null && !(exc instanceof NoSuchFileException)) {
                    throw exc;
                }
                Files.deleteIfExists(d);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /**
     * Deletes {@code dir} as {@link #deleteRecursively} does, for clean-up that must not fail the
     * work around it: a failure is logged as a warning. True when nothing is left.
     */
    public static boolean deleteQuietly(Path dir) {
        try {
            deleteRecursively(dir);
            return true;
        } catch (IOException | java.io.UncheckedIOException e) {
            org.slf4j.LoggerFactory.getLogger(Folders.class).warn("Could not delete {}: {}", dir, e.getMessage());
            return false;
        }
    }

    /** Whether {@code dir} is an empty folder. */
    public static boolean isEmptyFolder(Path dir) throws IOException {
        try (var entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        }
    }

    /** Makes {@code to} the same file as {@code from} (a hard link), or a copy where links are not possible. */
    public static void linkOrCopy(Path from, Path to) throws IOException {
        Files.createDirectories(to.getParent());
        try {
            Files.createLink(to, from);
        } catch (UnsupportedOperationException | IOException e) {
            Files.copy(from, to);
        }
    }
}
