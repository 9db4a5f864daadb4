package encore.pipeline;

import encore.storage.Folders;
import encore.task.EncoreException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A load's temporary folder (song records, tagged log copies: up to the size of the log data),
 * locked for as long as the load runs. A load that was killed cannot remove its folder; the next
 * load removes every such folder whose lock nobody holds (the operating system drops a dead
 * process's locks), and leaves those of loads still running, in this process or another.
 */
final class WorkFolder implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(WorkFolder.class);
    static final String PREFIX = "encore-load-";
    static final String LOCK = "owner.lock";

    private final Path path;
    private final FileChannel channel;
    private final FileLock lock;

    private WorkFolder(Path path, FileChannel channel, FileLock lock) {
        this.path = path;
        this.channel = channel;
        this.lock = lock;
    }

    /** Removes the folders of loads that died, then makes and locks a new one in {@code parent}. */
    static WorkFolder create(Path parent) {
        removeAbandoned(parent);
        Path dir = null;
        try {
            dir = Files.createTempDirectory(parent, PREFIX);
            FileChannel ch = FileChannel.open(dir.resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            return new WorkFolder(dir, ch, ch.lock());
        } catch (IOException e) {
            if (dir != null) {
                Folders.deleteQuietly(dir);
            }
            throw new EncoreException("Cannot create a temporary folder for the load in " + parent + ": " + e.getMessage(),
                "free some space in " + parent + " or set java.io.tmpdir", e);
        }
    }

    static WorkFolder create() {
        return create(Path.of(System.getProperty("java.io.tmpdir")));
    }

    Path path() {
        return path;
    }

    /** The folders of earlier loads under {@code parent} that no running load holds, removed. */
    static List<Path> removeAbandoned(Path parent) {
        List<Path> removed = new ArrayList<>();
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(parent, PREFIX + "*")) {
            for (Path dir : dirs) {
                if (Files.isDirectory(dir) && isAbandoned(dir) && Folders.deleteQuietly(dir)) {
                    removed.add(dir);
                }
            }
        } catch (IOException | RuntimeException e) {
            LOG.debug("Could not look for abandoned load folders in {}: {}", parent, e.getMessage());
        }
        if (!removed.isEmpty()) {
            LOG.info("Removed {} temporary folder(s) of loads that did not end: {}", removed.size(), removed);
        }
        return removed;
    }

    /** No lock file (a load killed as it began) or a lock file whose lock nobody holds. */
    private static boolean isAbandoned(Path dir) {
        Path lockFile = dir.resolve(LOCK);
        if (!Files.exists(lockFile)) {
            return true;
        }
        try (FileChannel ch = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
            FileLock probe = ch.tryLock();
            if (probe == null) {
                return false; // another process's running load
            }
            probe.release();
            return true;
        } catch (OverlappingFileLockException e) {
            return false; // a running load of this process
        } catch (IOException e) {
            return false;
        }
    }

    /** Releases the lock and removes the folder with everything in it. */
    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            LOG.debug("Releasing {}: {}", path, e.getMessage());
        }
        Folders.deleteQuietly(path);
    }
}
