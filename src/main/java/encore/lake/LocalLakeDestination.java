package encore.lake;

import encore.storage.Folders;
import encore.task.Cancellation;
import encore.task.EncoreException;
import encore.task.Progress;
import encore.task.ProgressListener;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A lake in a local folder. The lake is staged in a hidden sibling folder (same file system) and
 * swapped in by renames: the old lake is renamed aside, the new one renamed into its place, then
 * the old one deleted. Readers see the old complete lake or the new complete one, never a mix.
 * Should the process die between the two renames, the next export (or open) renames the old lake
 * back. A folder that holds anything but an Encore lake is never replaced.
 */
public final class LocalLakeDestination implements LakeDestination {

    private static final Logger LOG = LoggerFactory.getLogger(LocalLakeDestination.class);
    private static final String STAGING = ".encore-tmp-";
    private static final String ASIDE = ".encore-old-";

    private final Path target;

    public LocalLakeDestination(Path target) {
        this.target = target.toAbsolutePath().normalize();
        if (this.target.getParent() == null) {
            throw new EncoreException("Cannot export a lake to the root folder " + target, "choose a folder below it");
        }
    }

    public Path folder() {
        return target;
    }

    @Override
    public String describe() {
        return target.toString();
    }

    @Override
    public Path newStagingFolder(LakeOptions options) {
        try {
            Files.createDirectories(target.getParent());
            recover();
            checkReplaceable();
            if (options.mode() == PublishMode.PARTITIONS && Files.isDirectory(target)) {
                LakeManifest old = LakeManifest.read(target);
                if (old != null) {
                    checkLayout(old.layout(), options.layout());
                }
            }
            String name = "." + target.getFileName() + STAGING + ProcessHandle.current().pid() + "-" + UUID.randomUUID();
            return Files.createDirectory(target.getParent().resolve(name));
        } catch (IOException e) {
            throw new EncoreException("Cannot create a working folder beside " + target + ": " + e.getMessage(),
                "choose a lake folder whose parent folder you can write to", e);
        }
    }

    /**
     * Puts back an old lake left aside by a process that died between the two renames of a swap,
     * and deletes the staging folders of exports whose process is gone.
     */
    void recover() throws IOException {
        String prefix = "." + target.getFileName();
        List<Path> siblings;
        try (Stream<Path> s = Files.list(target.getParent())) {
            siblings = s.filter(p -> p.getFileName().toString().startsWith(prefix + ".encore-")).toList();
        }
        for (Path p : siblings) {
            String name = p.getFileName().toString();
            if (name.startsWith(prefix + ASIDE)) {
                if (!Files.exists(target)) {
                    Files.move(p, target, StandardCopyOption.ATOMIC_MOVE);
                    LOG.warn("Restored the lake {} from {}", target, p);
                } else if (processGone(name.substring((prefix + ASIDE).length()))) {
                    Folders.deleteRecursively(p);
                }
            } else if (name.startsWith(prefix + STAGING) && processGone(name.substring((prefix + STAGING).length()))) {
                Folders.deleteRecursively(p);
            }
        }
    }

    private static boolean processGone(String pidAndId) {
        int dash = pidAndId.indexOf('-');
        try {
            long pid = Long.parseLong(dash < 0 ? pidAndId : pidAndId.substring(0, dash));
            return ProcessHandle.of(pid).map(h -> !h.isAlive()).orElse(true);
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private void checkReplaceable() throws IOException {
        if (!Files.exists(target)) {
            return;
        }
        if (!Files.isDirectory(target)) {
            throw new EncoreException("The lake destination " + target + " is a file", "choose a folder");
        }
        if (!Files.isRegularFile(target.resolve(LakeManifest.FILE_NAME)) && !Folders.isEmptyFolder(target)) {
            throw new EncoreException("The folder " + target + " holds files but no Encore lake (no " + LakeManifest.FILE_NAME + ")",
                "choose an empty or new folder, or one an earlier export wrote");
        }
    }

    @Override
    public LakeManifest publish(Path finishedLake, LakeManifest manifest, PublishMode mode, ProgressListener progress,
                                Cancellation cancel) {
        try {
            LakeManifest published = manifest;
            LakeManifest old = Files.isDirectory(target) ? LakeManifest.read(target) : null;
            if (mode == PublishMode.PARTITIONS && old != null) {
                published = keepOldPartitions(finishedLake, manifest, old, progress, cancel);
                published.write(finishedLake);
            }
            cancel.check();
            progress.onProgress(Progress.note("publish", "Swapping the new lake into " + target));
            swapIn(finishedLake);
            return published;
        } catch (IOException e) {
            throw new EncoreException("Publishing the lake to " + target + " failed: " + e.getMessage(),
                "the previous lake is unchanged; check the disk space and permissions and export again", e);
        }
    }

    /** Links the old lake's files of partitions this run does not hold into the new lake. */
    private LakeManifest keepOldPartitions(Path finishedLake, LakeManifest manifest, LakeManifest old,
                                           ProgressListener progress, Cancellation cancel) throws IOException {
        checkLayout(old.layout(), manifest.layout());
        List<LakeManifest.DataFile> files = new ArrayList<>(manifest.files());
        List<LakeManifest.DataFile> kept = old.keptBy(manifest);
        long done = 0;
        for (LakeManifest.DataFile f : kept) {
            if (done % 1000 == 0) {
                cancel.check();
                progress.onProgress(Progress.info("publish", done, kept.size(), "files",
                    String.format("Keeping %,d files of partitions not in this run", kept.size())));
            }
            Folders.linkOrCopy(target.resolve(f.path()), finishedLake.resolve(f.path()));
            done++;
        }
        files.addAll(kept);
        return manifest.withFiles(files);
    }

    /** Partitions of one songs layout cannot be merged into a lake of the other. */
    private void checkLayout(LakeLayout old, LakeLayout layout) {
        checkLayout(target.toString(), old, layout);
    }

    static void checkLayout(String lake, LakeLayout old, LakeLayout layout) {
        if (old != layout) {
            throw new EncoreException("The lake at " + lake + " holds songs in the " + old.name().toLowerCase(Locale.ROOT)
                + " layout, this export writes " + layout.name().toLowerCase(Locale.ROOT),
                "export with the lake's layout, or with --mode overwrite to replace the whole lake");
        }
    }

    private void swapIn(Path finishedLake) throws IOException {
        if (Files.exists(target)) {
            Path aside = target.getParent().resolve("." + target.getFileName() + ASIDE + ProcessHandle.current().pid()
                + "-" + UUID.randomUUID());
            Files.move(target, aside, StandardCopyOption.ATOMIC_MOVE);
            try {
                Files.move(finishedLake, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException | RuntimeException e) {
                Files.move(aside, target, StandardCopyOption.ATOMIC_MOVE);
                throw e;
            }
            try {
                Folders.deleteRecursively(aside);
            } catch (IOException e) {
                LOG.warn("Could not delete the previous lake {} (the next export retries): {}", aside, e.getMessage());
            }
        } else {
            Files.move(finishedLake, target, StandardCopyOption.ATOMIC_MOVE);
        }
    }
}
