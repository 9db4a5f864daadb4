package encore.pipeline;

import encore.source.SourceLocation;
import encore.source.SourceLocator;
import encore.storage.s3.S3Clients;
import encore.storage.s3.S3FetchCache;
import encore.storage.s3.S3Location;
import encore.storage.s3.S3Settings;
import encore.task.Cancellation;
import encore.task.EncoreException;
import encore.task.Progress;
import encore.task.ProgressListener;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Turns what the user named as input — local folders or {@code s3://bucket/prefix} locations, as
 * a data root or as song and log folders — into the local folders a load reads. S3 locations are
 * mirrored into a local cache first (only new or changed objects are downloaded), then loaded
 * like any local folder.
 */
public final class InputResolver {

    private final S3Settings settings;
    private final Path cacheRoot;
    private final ProgressListener progress;
    private final Cancellation cancel;
    private final Function<S3Settings, S3Clients> clientFactory;
    private final List<S3FetchCache.Result> fetches = new ArrayList<>();

    /** @param cacheRoot where S3 objects are cached (the shell picks it, e.g. the user's cache folder) */
    public InputResolver(S3Settings settings, Path cacheRoot, ProgressListener progress, Cancellation cancel) {
        this(settings, cacheRoot, progress, cancel, S3Clients::new);
    }

    public InputResolver(S3Settings settings, Path cacheRoot, ProgressListener progress, Cancellation cancel,
                         Function<S3Settings, S3Clients> clientFactory) {
        this.settings = settings;
        this.cacheRoot = cacheRoot;
        this.progress = progress;
        this.cancel = cancel;
        this.clientFactory = clientFactory;
    }

    /** True when any of the texts is an S3 location (so the input must be fetched, off the UI thread). */
    public static boolean anyRemote(String... inputs) {
        for (String s : inputs) {
            if (S3Location.isS3(s)) {
                return true;
            }
        }
        return false;
    }

    /**
     * A data root (local folder or S3 location), or — when {@code root} is blank — song and log
     * folders given separately (either may be blank, not both).
     */
    public SourceLocation resolve(String root, String songs, String logs) {
        if (!isBlank(root)) {
            if (!S3Location.isS3(root)) {
                return SourceLocator.fromRoot(Path.of(root.strip()));
            }
            S3Location location = S3Location.parse(root);
            Path mirror = fetch(location);
            try {
                return SourceLocator.fromRoot(mirror);
            } catch (EncoreException e) {
                throw new EncoreException("No song or log data under " + location
                    + ": expected song_data/ and/or log_data/ (also song-data, log-data) holding .json or .json.gz objects",
                    "point at the prefix that contains them, or give the song and log locations separately", e);
            }
        }
        if (isBlank(songs) && isBlank(logs)) {
            return SourceLocator.fromFolders(null, null);
        }
        Path songFolder = folder(songs);
        Path logFolder = folder(logs);
        return SourceLocator.fromFolders(songFolder, logFolder);
    }

    /** What was fetched from S3 for the last {@link #resolve} (empty for local input). */
    public List<S3FetchCache.Result> fetches() {
        return List.copyOf(fetches);
    }

    private Path folder(String text) {
        if (isBlank(text)) {
            return null;
        }
        if (!S3Location.isS3(text)) {
            return Path.of(text.strip());
        }
        S3Location location = S3Location.parse(text);
        return fetch(location);
    }

    private Path fetch(S3Location location) {
        try (S3Clients clients = clientFactory.apply(settings)) {
            progress.onProgress(Progress.note(S3FetchCache.STEP, "Fetching " + location + " (" + clients.describe() + ")"));
            S3FetchCache.Result r = new S3FetchCache(clients, cacheRoot).mirror(location, progress, cancel);
            fetches.add(r);
            if (r.objects() == 0) {
                progress.onProgress(Progress.warn(S3FetchCache.STEP, "No .json or .json.gz objects under " + location));
            }
            return r.folder();
        }
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
