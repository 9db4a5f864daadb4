package encore.storage.s3;

import encore.task.Cancellation;
import encore.task.CancelledException;
import encore.task.EncoreException;
import encore.task.Progress;
import encore.task.ProgressListener;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Stream;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.Delete;
import software.amazon.awssdk.services.s3.model.DeleteObjectsResponse;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.transfer.s3.S3TransferManager;
import software.amazon.awssdk.transfer.s3.model.CopyRequest;
import software.amazon.awssdk.transfer.s3.model.UploadFileRequest;

/**
 * Publishes a finished local folder tree to {@code s3://bucket/prefix/} so that readers never
 * mistake a half-written result for a whole one.
 *
 * <ol>
 *   <li><b>Upload</b>: every file of the tree is uploaded (multipart for large files, through the
 *       S3 Transfer Manager) to a staging prefix beside the target,
 *       {@code <prefix>.staging-<id>/} (for the bucket root: {@code _encore-staging-<id>/}).</li>
 *   <li><b>Put in place</b>: the old {@code _SUCCESS} marker is deleted; each staged object is
 *       copied server-side to its key under the target; stale keys are deleted (mode
 *       {@link Mode#OVERWRITE}: every old key under the prefix that is not in the new set; mode
 *       {@link Mode#PARTITIONS}: only old keys under the top-level folders the local tree has);
 *       the manifest is written, and {@code _SUCCESS} last. Then the staging objects are deleted.</li>
 * </ol>
 *
 * <p>Guarantee: a failure or a cancel before the put-in-place phase leaves every object under
 * the target prefix exactly as it was (the staged copies are deleted, best effort). The
 * put-in-place phase is not interrupted by cancel; if it fails part-way (the store goes away),
 * the target holds a mix of old and new objects and <em>no</em> {@code _SUCCESS} marker, and
 * publishing again completes it. A reader that sees {@code _SUCCESS} sees the complete new set.
 * S3 has no multi-object transaction: during the put-in-place phase a reader that does not wait
 * for {@code _SUCCESS} can see the change half done.
 */
public final class S3Publisher {

    public static final String STEP = "publish";
    public static final String SUCCESS = "_SUCCESS";

    /** Which old objects under the prefix go away. */
    public enum Mode {
        /** The prefix ends up holding exactly the new tree (plus manifest and marker). */
        OVERWRITE,
        /** Only the top-level partition folders present in the new tree are replaced; others stay. */
        PARTITIONS
    }

    /** What a publish did. */
    public record Result(S3Location target, long objects, long bytes, long removed, String stagingPrefix) {
    }

    private final S3Clients clients;
    private final int concurrency;

    public S3Publisher(S3Clients clients) {
        this.clients = clients;
        this.concurrency = clients.settings().effectiveConcurrency();
    }

    /**
     * @param localRoot the finished tree; its files become keys relative to {@code target}
     *                  (a {@code _SUCCESS} file in it is ignored)
     * @param manifest  a file written to {@code target/<its file name>} after the data and before
     *                  {@code _SUCCESS}, or null for none
     */
    public Result publish(Path localRoot, S3Location target, Mode mode, Path manifest,
                          ProgressListener progress, Cancellation cancel) {
        return publish(localRoot, target, keepFor(mode, localRoot, manifest), manifest, progress, cancel);
    }

    /**
     * As {@link #publish(Path, S3Location, Mode, Path, ProgressListener, Cancellation)}, with the
     * caller deciding which old objects stay.
     *
     * @param keepOld given the key (relative to {@code target}) of an old object that the new tree
     *                does not replace, true when it stays; false deletes it
     */
    public Result publish(Path localRoot, S3Location target, Predicate<String> keepOld, Path manifest,
                          ProgressListener progress, Cancellation cancel) {
        TreeMap<String, Path> files = inventory(localRoot, manifest);
        String manifestName = manifest == null ? null : manifest.getFileName().toString();
        if (manifest != null && !Files.isRegularFile(manifest)) {
            throw new EncoreException("Manifest file not found: " + manifest, "write the manifest before publishing");
        }
        String id = UUID.randomUUID().toString().substring(0, 8);
        String staging = target.prefix().isEmpty() ? "_encore-staging-" + id + "/"
            : target.prefix().substring(0, target.prefix().length() - 1) + ".staging-" + id + "/";
        S3Location stagingLocation = new S3Location(target.bucket(), staging);
        long totalBytes = files.values().stream().mapToLong(S3Publisher::size).sum();
        try (S3TransferManager tm = S3TransferManager.builder().s3Client(clients.async()).build()) {
            try {
                upload(tm, files, stagingLocation, totalBytes, progress, cancel);
                cancel.check();
            } catch (RuntimeException | Error e) {
                deleteQuietly(stagingLocation, files.keySet());
                if (cancel.isCancelled()) {
                    progress.onProgress(Progress.warn(STEP, "Cancelled: " + target + " is as it was"));
                    throw new CancelledException();
                }
                throw S3Errors.map(e, "Uploading to " + stagingLocation, target, clients);
            }
            progress.onProgress(Progress.note(STEP, "Putting " + files.size() + " objects in place under " + target));
            long removed;
            try {
                deleteKeys(target, List.of(target.key(SUCCESS)));
                copyInPlace(tm, files.keySet(), stagingLocation, target, progress);
                removed = removeStale(target, keepOld, files.keySet(), staging, manifestName);
                if (manifest != null) {
                    clients.sync().putObject(b -> b.bucket(target.bucket()).key(target.key(manifestName)),
                        RequestBody.fromFile(manifest));
                }
                clients.sync().putObject(b -> b.bucket(target.bucket()).key(target.key(SUCCESS)), RequestBody.empty());
            } catch (RuntimeException | Error e) {
                deleteQuietly(stagingLocation, files.keySet());
                RuntimeException mapped = S3Errors.map(e, "Putting the new objects in place under " + target, target, clients);
                if (mapped instanceof EncoreException ee) {
                    throw new EncoreException(ee.getMessage() + "; " + target + " has no " + SUCCESS + " marker now",
                        "publish again to complete it", e);
                }
                throw mapped;
            }
            deleteQuietly(stagingLocation, files.keySet());
            progress.onProgress(Progress.info(STEP, files.size(), files.size(), "objects",
                String.format("Published %,d objects (%,d bytes) to %s; removed %,d old objects", files.size(), totalBytes, target, removed)));
            return new Result(target, files.size(), totalBytes, removed, staging);
        }
    }

    private static TreeMap<String, Path> inventory(Path root, Path manifest) {
        if (!Files.isDirectory(root)) {
            throw new EncoreException("Nothing to publish: " + root + " is not a folder", "give the finished folder");
        }
        TreeMap<String, Path> files = new TreeMap<>();
        try (Stream<Path> s = Files.walk(root)) {
            s.filter(Files::isRegularFile).forEach(f -> {
                String rel = root.relativize(f).toString().replace(f.getFileSystem().getSeparator(), "/");
                boolean isManifest = manifest != null && f.toAbsolutePath().normalize().equals(manifest.toAbsolutePath().normalize());
                if (!rel.equals(SUCCESS) && !isManifest) {
                    files.put(rel, f);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            throw new EncoreException("Cannot read " + root + ": " + e.getMessage(), "check the folder's permissions", e);
        }
        return files;
    }

    private void upload(S3TransferManager tm, TreeMap<String, Path> files, S3Location staging, long totalBytes,
                        ProgressListener progress, Cancellation cancel) {
        AtomicLong bytes = new AtomicLong();
        AtomicLong done = new AtomicLong();
        progress.onProgress(Progress.info(STEP, 0, totalBytes, "bytes", "Uploading " + files.size() + " files to " + staging));
        runAll(files.keySet(), cancel, rel -> tm.uploadFile(UploadFileRequest.builder()
                .putObjectRequest(b -> b.bucket(staging.bucket()).key(staging.key(rel)))
                .source(files.get(rel))
                .build()).completionFuture()
            .thenRun(() -> {
                long b = bytes.addAndGet(size(files.get(rel)));
                long n = done.incrementAndGet();
                progress.onProgress(Progress.info(STEP, b, totalBytes, "bytes",
                    String.format("Uploaded %,d of %,d files", n, files.size())));
            }));
    }

    private void copyInPlace(S3TransferManager tm, Set<String> keys, S3Location staging, S3Location target,
                             ProgressListener progress) {
        AtomicLong done = new AtomicLong();
        runAll(keys, new Cancellation(), rel -> tm.copy(CopyRequest.builder()
                .copyObjectRequest(b -> b.sourceBucket(staging.bucket()).sourceKey(staging.key(rel))
                    .destinationBucket(target.bucket()).destinationKey(target.key(rel)))
                .build()).completionFuture()
            .thenRun(() -> {
                long n = done.incrementAndGet();
                if (n % 100 == 0 || n == keys.size()) {
                    progress.onProgress(Progress.info(STEP, n, keys.size(), "objects",
                        String.format("Put %,d of %,d objects in place", n, keys.size())));
                }
            }));
    }

    /** Runs one request per key, at most {@code concurrency} at once; the first failure stops it. */
    private void runAll(Set<String> keys, Cancellation cancel, Function<String, CompletableFuture<?>> request) {
        Semaphore slots = new Semaphore(concurrency);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Set<CompletableFuture<?>> inFlight = ConcurrentHashMap.newKeySet();
        try (Cancellation.Registration hook = cancel.onCancel(() -> inFlight.forEach(f -> f.cancel(true)))) {
            for (String key : keys) {
                if (!acquire(slots, cancel)) {
                    break;
                }
                if (failure.get() != null || cancel.isCancelled()) {
                    slots.release();
                    break;
                }
                CompletableFuture<?> f;
                try {
                    f = request.apply(key);
                } catch (RuntimeException e) {
                    slots.release();
                    failure.compareAndSet(null, e);
                    break;
                }
                inFlight.add(f);
                f.whenComplete((r, e) -> {
                    if (e != null) {
                        failure.compareAndSet(null, e);
                    }
                    inFlight.remove(f);
                    slots.release();
                });
            }
            awaitAll(slots);
        }
        cancel.check();
        if (failure.get() != null) {
            Throwable f = S3Errors.unwrap(failure.get());
            throw f instanceof RuntimeException re ? re : new IllegalStateException(f);
        }
    }

    /** Takes one slot; false (and no slot) when cancel was asked for meanwhile. */
    private static boolean acquire(Semaphore slots, Cancellation cancel) {
        try {
            while (!slots.tryAcquire(100, TimeUnit.MILLISECONDS)) {
                if (cancel.isCancelled()) {
                    return false;
                }
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancelledException();
        }
    }

    /** Waits until every request in flight has finished. */
    private void awaitAll(Semaphore slots) {
        slots.acquireUninterruptibly(concurrency);
        slots.release(concurrency);
    }

    /** {@link Mode#OVERWRITE} keeps nothing; {@link Mode#PARTITIONS} keeps keys outside the tree's top-level folders. */
    private static Predicate<String> keepFor(Mode mode, Path localRoot, Path manifest) {
        if (mode == Mode.OVERWRITE) {
            return rel -> false;
        }
        Set<String> partitions = new HashSet<>();
        for (String rel : inventory(localRoot, manifest).keySet()) {
            int slash = rel.indexOf('/');
            if (slash > 0) {
                partitions.add(rel.substring(0, slash + 1));
            }
        }
        return rel -> {
            int slash = rel.indexOf('/');
            return slash <= 0 || !partitions.contains(rel.substring(0, slash + 1));
        };
    }

    private long removeStale(S3Location target, Predicate<String> keepOld, Set<String> fresh, String staging, String manifestName) {
        List<String> stale = new ArrayList<>();
        AtomicLong removed = new AtomicLong();
        new S3Listing(clients).forEach(target, new Cancellation(), o -> {
            String key = o.key();
            if (key.startsWith(staging)) {
                return;
            }
            String rel = key.substring(target.prefix().length());
            if (fresh.contains(rel) || rel.equals(SUCCESS) || rel.equals(manifestName) || keepOld.test(rel)) {
                return;
            }
            stale.add(key);
            if (stale.size() == 1000) {
                removed.addAndGet(deleteKeys(target, stale));
                stale.clear();
            }
        });
        removed.addAndGet(deleteKeys(target, stale));
        return removed.get();
    }

    /** Deletes keys (in batches of 1,000, the most one request takes); returns how many. */
    private long deleteKeys(S3Location where, List<String> keys) {
        long n = 0;
        for (int i = 0; i < keys.size(); i += 1000) {
            List<ObjectIdentifier> ids = keys.subList(i, Math.min(keys.size(), i + 1000)).stream()
                .map(k -> ObjectIdentifier.builder().key(k).build()).toList();
            DeleteObjectsResponse r = clients.sync().deleteObjects(b -> b.bucket(where.bucket())
                .delete(Delete.builder().objects(ids).quiet(true).build()));
            if (!r.errors().isEmpty()) {
                var err = r.errors().get(0);
                throw new EncoreException("Cannot delete s3://" + where.bucket() + "/" + err.key() + ": " + err.code()
                    + " " + err.message(), "check s3:DeleteObject permission on " + where);
            }
            n += ids.size();
        }
        return n;
    }

    private void deleteQuietly(S3Location staging, Set<String> rels) {
        try {
            List<String> keys = new ArrayList<>();
            new S3Listing(clients).forEach(staging, new Cancellation(), o -> keys.add(o.key()));
            deleteKeys(staging, keys);
        } catch (RuntimeException e) {
            org.slf4j.LoggerFactory.getLogger(S3Publisher.class)
                .warn("Could not remove the staging objects under {} ({} files): {}", staging, rels.size(), e.getMessage());
        }
    }

    private static long size(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            return 0;
        }
    }
}
