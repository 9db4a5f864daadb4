package encore.lake;

import encore.storage.s3.S3Clients;
import encore.storage.s3.S3FetchCache;
import encore.storage.s3.S3Location;
import encore.task.Cancellation;
import encore.task.EncoreException;
import encore.task.Progress;
import encore.task.ProgressListener;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Opening a lake in S3 read-only: every object under the lake's prefix is mirrored into the S3
 * cache (a re-open downloads only new or changed objects, and drops copies of objects that are
 * gone), then the local copy is checked against its manifest and opened like a local lake.
 */
public final class S3LakeMirror {

    private S3LakeMirror() {
    }

    /** Mirrors the lake at {@code lake} into {@code cacheRoot}; returns the local lake folder. */
    public static Path fetch(S3Location lake, S3Clients clients, Path cacheRoot, ProgressListener progress, Cancellation cancel) {
        S3FetchCache.Result r = new S3FetchCache(clients, cacheRoot).mirrorAll(lake, progress, cancel);
        Path local = r.folder();
        if (!Files.isRegularFile(local.resolve(LakeManifest.FILE_NAME))) {
            throw new EncoreException("Not a lake: " + lake + " has no " + LakeManifest.FILE_NAME,
                "give the s3://bucket/prefix an export wrote the lake to");
        }
        if (!Files.isRegularFile(local.resolve(LakeManifest.SUCCESS))) {
            throw new EncoreException("The lake at " + lake + " is incomplete (no " + LakeManifest.SUCCESS
                + "): an export to it is running or was interrupted", "open it again when the export has finished, or export again");
        }
        LakeManifest manifest = LakeManifest.parse(read(local.resolve(LakeManifest.FILE_NAME)), lake + LakeManifest.FILE_NAME);
        for (LakeManifest.DataFile f : manifest.files()) {
            Path file = local.resolve(f.path()).normalize();
            if (!file.startsWith(local) || !Files.isRegularFile(file) || size(file) != f.bytes()) {
                throw new EncoreException("The lake at " + lake + " does not match its manifest (" + f.path()
                    + " is missing or of another size): an export to it may be running",
                    "open it again when the export has finished");
            }
        }
        progress.onProgress(Progress.note(S3FetchCache.STEP, String.format("Opened the lake %s: %,d files (%,d fetched now) in %s",
            lake, manifest.fileCount(), r.fetched(), local)));
        return local;
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new EncoreException("Cannot read " + file + ": " + e.getMessage(), "check the cache folder's permissions", e);
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return -1;
        }
    }
}
