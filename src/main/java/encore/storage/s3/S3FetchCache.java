package encore.storage.s3;

import encore.task.Cancellation;
import encore.task.CancelledException;
import encore.task.EncoreException;
import encore.task.Progress;
import encore.task.ProgressListener;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.async.AsyncResponseTransformer;
import software.amazon.awssdk.core.FileTransformerConfiguration;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Mirrors the JSON objects under an S3 prefix into a local folder, fetching many objects at once,
 * so that the local readers can load them. The cache is keyed by bucket, key and ETag: an object
 * is stored at {@code <cache>/<bucket>/<key>} with its ETag beside it (in a hidden
 * {@code .<name>.etag} file), so a later run downloads only objects that are new or whose ETag
 * changed, and removes local copies of objects that are gone.
 *
 * <p>Listing runs on its own thread and hands objects through a bounded queue, so fetching
 * starts with the first page and memory does not grow with the number of keys waiting. Only
 * {@code .json} and {@code .json.gz} objects are fetched; a {@code .json.gz} object is
 * decompressed into the cache (as {@code .json}, its name without {@code .gz}). Progress reports
 * objects and bytes; cancel stops the fetch (a partly written file is never taken for a cached one).
 */
public final class S3FetchCache {

    public static final String STEP = "fetch";
    private static final Object END = new Object();
    private static final String TAG_SUFFIX = ".etag";
    private static final String PART = ".part-";
    private static final long PROGRESS_EVERY_NANOS = 200_000_000L;
    /** A safety net: an answer that never completes fails the fetch instead of hanging it. */
    private static final long FETCH_TIMEOUT_MINUTES = 10;
    /** Objects smaller than this are received into memory, larger ones streamed to a file. */
    private static final long IN_MEMORY_LIMIT = 8L << 20;

    /** The outcome of one mirror run. */
    public record Result(S3Location location, Path folder, long objects, long fetched, long fetchedBytes,
                         long cached, long removed, long skipped) {
    }

    private record Failure(Throwable error) {
    }

    private final S3Clients clients;
    private final Path cacheRoot;
    private final int concurrency;

    /** @param cacheRoot the folder that holds the cached objects (created when needed) */
    public S3FetchCache(S3Clients clients, Path cacheRoot) {
        this.clients = clients;
        this.cacheRoot = cacheRoot.toAbsolutePath().normalize();
        this.concurrency = clients.settings().effectiveConcurrency();
    }

    /** The local folder that mirrors {@code location}. */
    public Path folderFor(S3Location location) {
        Path dir = cacheRoot.resolve(location.bucket());
        String prefix = location.prefix();
        if (!prefix.isEmpty()) {
            String rel = prefix.substring(0, prefix.length() - 1);
            if (!safeRelative(rel)) {
                throw new EncoreException("The S3 prefix of " + location + " cannot be a local folder name",
                    "use a prefix without empty, '.' or '..' parts");
            }
            dir = dir.resolve(rel);
        }
        return dir;
    }

    /** Brings the mirror of {@code location} up to date and returns where it is. */
    public Result mirror(S3Location location, ProgressListener progress, Cancellation cancel) {
        return mirror(location, false, progress, cancel);
    }

    /**
     * As {@link #mirror(S3Location, ProgressListener, Cancellation)}, but of every object under the
     * prefix (not only JSON), each kept as it is (nothing is decompressed), e.g. a Parquet lake.
     */
    public Result mirrorAll(S3Location location, ProgressListener progress, Cancellation cancel) {
        return mirror(location, true, progress, cancel);
    }

    private Result mirror(S3Location location, boolean everything, ProgressListener progress, Cancellation cancel) {
        Path dir = folderFor(location);
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new EncoreException("Cannot create the S3 cache folder " + dir + ": " + e.getMessage(),
                "check the permissions of the cache folder", e);
        }
        return new Run(location, dir, everything, progress, cancel).run();
    }

    /** The state of one mirror run. */
    private final class Run {
        final S3Location location;
        /** Every object as it is, not only JSON. */
        final boolean everything;
        final Path dir;
        final ProgressListener progress;
        final Cancellation cancel;
        final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(Math.max(2_000, concurrency * 4));
        final Semaphore slots = new Semaphore(concurrency);
        final Set<String> seen = ConcurrentHashMap.newKeySet();
        final Set<CompletableFuture<?>> inFlight = ConcurrentHashMap.newKeySet();
        final AtomicReference<Throwable> failure = new AtomicReference<>();
        final AtomicLong fetched = new AtomicLong();
        final AtomicLong fetchedBytes = new AtomicLong();
        final AtomicLong parts = new AtomicLong();
        volatile boolean stop;
        volatile long listed = -1;
        long objects;
        long cached;
        long skipped;
        long lastProgress;

        Run(S3Location location, Path dir, boolean everything, ProgressListener progress, Cancellation cancel) {
            this.location = location;
            this.everything = everything;
            this.dir = dir;
            this.progress = progress;
            this.cancel = cancel;
        }

        Result run() {
            progress.onProgress(Progress.info(STEP, 0, -1, "objects", "Listing " + location));
            Thread lister = new Thread(this::list, "encore-s3-list");
            lister.setDaemon(true);
            ExecutorService workers = Executors.newFixedThreadPool(Math.max(2, Runtime.getRuntime().availableProcessors()), r -> {
                Thread t = new Thread(r, "encore-s3-fetch");
                t.setDaemon(true);
                return t;
            });
            lister.start();
            try {
                dispatch(workers);
                awaitAll();
                Throwable f = failure.get();
                if (f != null) {
                    throw S3Errors.map(f, "Fetching " + location, location, clients);
                }
                cancel.check();
                long removed = removeStale();
                report(true);
                return new Result(location, dir, objects, fetched.get(), fetchedBytes.get(), cached, removed, skipped);
            } catch (RuntimeException | Error e) {
                stop = true;
                inFlight.forEach(f -> f.cancel(true));
                throw e;
            } finally {
                stop = true;
                lister.interrupt();
                workers.shutdown();
                try {
                    workers.awaitTermination(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                deleteParts();
            }
        }

        void list() {
            try {
                long n = new S3Listing(clients).forEach(location, cancel, o -> put(o));
                listed = n;
                put(END);
            } catch (CancelledException e) {
                put(new Failure(e));
            } catch (RuntimeException | Error e) {
                if (!stop) {
                    put(new Failure(e));
                }
            }
        }

        void put(Object item) {
            try {
                while (!queue.offer(item, 100, TimeUnit.MILLISECONDS)) {
                    if (stop) {
                        throw new CancelledException();
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CancelledException();
            }
        }

        void dispatch(ExecutorService workers) {
            while (true) {
                Object item = take();
                if (item == END) {
                    return;
                }
                if (item instanceof Failure f) {
                    if (f.error() instanceof CancelledException ce) {
                        throw ce;
                    }
                    failure.compareAndSet(null, f.error());
                    return;
                }
                if (failure.get() != null) {
                    return;
                }
                handle((S3Object) item, workers);
                report(false);
            }
        }

        Object take() {
            try {
                while (true) {
                    cancel.check();
                    Object item = queue.poll(100, TimeUnit.MILLISECONDS);
                    if (item != null) {
                        return item;
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CancelledException();
            }
        }

        void handle(S3Object object, ExecutorService workers) {
            String rel = object.key().substring(location.prefix().length());
            if (rel.isEmpty() || rel.endsWith("/")) {
                return;
            }
            String leaf = leaf(rel);
            boolean gz = !everything && isGzipJson(leaf);
            if (!(everything || isJson(leaf) || gz) || leaf.startsWith(".")) {
                return;
            }
            objects++;
            if (!safeRelative(rel)) {
                skipped++;
                progress.onProgress(Progress.warn(STEP, "Skipped s3://" + location.bucket() + "/" + object.key()
                    + ": the key is not a safe file name (empty, '.' or '..' parts)"));
                return;
            }
            String local = gz ? rel.substring(0, rel.length() - 3) : rel;
            if (gz && seen.contains(local)) {
                skipped++;
                progress.onProgress(Progress.warn(STEP, "Skipped s3://" + location.bucket() + "/" + object.key()
                    + ": " + leaf(local) + " is there too, uncompressed"));
                return;
            }
            seen.add(rel);
            Path target = dir.resolve(local);
            Path tag = tagFile(target.getParent(), leaf);
            String etag = S3Listing.etag(object.eTag());
            if (!etag.isEmpty() && Files.isRegularFile(target) && etag.equals(readTag(tag))) {
                cached++;
                return;
            }
            acquire();
            Path part = target.resolveSibling("." + leaf + PART + parts.incrementAndGet());
            boolean small = object.size() != null && object.size() < IN_MEMORY_LIMIT;
            GetObjectRequest request = GetObjectRequest.builder().bucket(location.bucket()).key(object.key()).build();
            CompletableFuture<GetObjectResponse> download;
            CompletableFuture<byte[]> body;
            try {
                Files.createDirectories(target.getParent());
                if (small) {
                    // small objects: one buffer, written by a worker (a file channel per object costs more)
                    CompletableFuture<ResponseBytes<GetObjectResponse>> bytes = clients.downloads()
                        .getObject(request, AsyncResponseTransformer.toBytes());
                    download = bytes.thenApply(ResponseBytes::response);
                    body = bytes.thenApply(ResponseBytes::asByteArrayUnsafe);
                } else {
                    download = clients.downloads().getObject(request,
                        AsyncResponseTransformer.toFile(part, FileTransformerConfiguration.defaultCreateOrReplaceExisting()));
                    body = download.thenApply(r -> null);
                }
            } catch (IOException | RuntimeException e) {
                slots.release();
                failure.compareAndSet(null, e instanceof IOException io ? new UncheckedIOException(io) : e);
                return;
            }
            inFlight.add(download);
            download.orTimeout(FETCH_TIMEOUT_MINUTES, TimeUnit.MINUTES).thenCombine(body, (response, data) -> new Object[] {response, data})
                .whenCompleteAsync((pair, error) -> {
                    try {
                        if (error != null) {
                            failure.compareAndSet(null, error);
                            return;
                        }
                        GetObjectResponse response = (GetObjectResponse) pair[0];
                        if (pair[1] != null) {
                            Files.write(part, (byte[]) pair[1]);
                        }
                        install(part, target, tag, gz, S3Listing.etag(response.eTag()), object.key());
                        fetched.incrementAndGet();
                        fetchedBytes.addAndGet(response.contentLength() == null ? object.size() : response.contentLength());
                    } catch (IOException | RuntimeException e) {
                        failure.compareAndSet(null, e instanceof IOException io ? new UncheckedIOException(io) : e);
                    } finally {
                        deleteQuietly(part);
                        inFlight.remove(download);
                        slots.release();
                    }
                }, workers);
        }

        void acquire() {
            try {
                while (!slots.tryAcquire(100, TimeUnit.MILLISECONDS)) {
                    cancel.check();
                    report(false);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CancelledException();
            }
        }

        void awaitAll() {
            try {
                while (!slots.tryAcquire(concurrency, 100, TimeUnit.MILLISECONDS)) {
                    cancel.check();
                    report(false);
                }
                slots.release(concurrency);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CancelledException();
            }
        }

        /**
         * Puts a fetched object in place: the old ETag goes first, then the data (moved over the
         * old copy), then the new ETag — so a crash in between never pairs old data with a new tag.
         */
        void install(Path part, Path target, Path tag, boolean gz, String etag, String key) throws IOException {
            Files.deleteIfExists(tag);
            Path data = part;
            if (gz) {
                data = part.resolveSibling(part.getFileName() + ".json");
                try (InputStream in = new GZIPInputStream(Files.newInputStream(part), 1 << 16)) {
                    Files.copy(in, data, StandardCopyOption.REPLACE_EXISTING);
                } catch (ZipException | java.io.EOFException e) {
                    deleteQuietly(data);
                    throw new EncoreException("s3://" + location.bucket() + "/" + key + " is not valid gzip (" + e.getMessage() + ")",
                        "replace the object with a gzip file, or remove the .gz ending if it is plain JSON", e);
                }
            }
            Files.move(data, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            if (!etag.isEmpty()) {
                Path tmp = tag.resolveSibling(tag.getFileName() + ".tmp");
                Files.writeString(tmp, etag, StandardCharsets.UTF_8);
                Files.move(tmp, tag, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
        }

        /** Deletes local copies (and tags) of objects that are no longer under the prefix. */
        long removeStale() {
            long removed = 0;
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                    String rel = dir.relativize(f).toString().replace(f.getFileSystem().getSeparator(), "/");
                    String name = f.getFileName().toString();
                    String parent = rel.contains("/") ? rel.substring(0, rel.lastIndexOf('/') + 1) : "";
                    if (name.startsWith(".")) {
                        if (name.contains(PART) || name.endsWith(TAG_SUFFIX + ".tmp")) {
                            deleteQuietly(f);
                        } else if (name.endsWith(TAG_SUFFIX)
                            && !seen.contains(parent + name.substring(1, name.length() - TAG_SUFFIX.length()))) {
                            deleteQuietly(f);
                        }
                    } else if (!seen.contains(rel) && !seen.contains(rel + ".gz")) {
                        deleteQuietly(f);
                        removed++;
                    }
                }
            } catch (IOException | UncheckedIOException e) {
                throw new EncoreException("Cannot clean the S3 cache folder " + dir + ": " + e.getMessage(),
                    "check its permissions, or delete the folder (it is only a cache)", e);
            }
            return removed;
        }

        void deleteParts() {
            // parts of cancelled or failed downloads; removeStale clears them too on the next run
            if (!stop) {
                return;
            }
            try (Stream<Path> files = Files.walk(dir)) {
                files.filter(f -> f.getFileName().toString().contains(PART)).forEach(S3FetchCache::deleteQuietly);
            } catch (IOException | UncheckedIOException ignored) {
                // the next run removes them
            }
        }

        void report(boolean last) {
            long now = System.nanoTime();
            if (!last && now - lastProgress < PROGRESS_EVERY_NANOS) {
                return;
            }
            lastProgress = now;
            long done = fetched.get() + cached + skipped;
            long total = listed >= 0 || last ? objects : -1;
            String msg = String.format("%s %,d of %s objects: %,d fetched (%,d bytes), %,d from the cache",
                last ? "Mirrored" : "Fetching", done, total < 0 ? "?" : String.format("%,d", total),
                fetched.get(), fetchedBytes.get(), cached);
            progress.onProgress(Progress.info(STEP, done, total, "objects", msg));
        }
    }

    static boolean isJson(String name) {
        return name.toLowerCase(Locale.ROOT).endsWith(".json");
    }

    static boolean isGzipJson(String name) {
        return name.toLowerCase(Locale.ROOT).endsWith(".json.gz");
    }

    private static String leaf(String rel) {
        return rel.substring(rel.lastIndexOf('/') + 1);
    }

    private static Path tagFile(Path folder, String keyLeaf) {
        return folder.resolve("." + keyLeaf + TAG_SUFFIX);
    }

    /** A '/'-separated relative path that stays inside its folder and is a valid file name on every OS we run on. */
    static boolean safeRelative(String rel) {
        if (rel.isEmpty() || rel.indexOf('\0') >= 0 || rel.indexOf('\\') >= 0) {
            return false;
        }
        for (String part : List.of(rel.split("/", -1))) {
            if (part.isEmpty() || part.equals(".") || part.equals("..")) {
                return false;
            }
        }
        return true;
    }

    private static String readTag(Path tag) {
        try {
            return Files.readString(tag, StandardCharsets.UTF_8).strip();
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            return null;
        }
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // a leftover is removed by the next run
        }
    }
}
