package encore.source;

import encore.task.Cancellation;
import encore.task.Progress;
import encore.task.ProgressListener;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * A look at input before loading it: what was found, the first records of each kind, and
 * warnings (missing folders, fields the schema does not know, files that fail to parse). Reads
 * only the first few files, so it stays quick on a million files.
 */
public final class SourcePreview {

    public static final int SAMPLE_FILES = 20;

    public record Result(SourceInventory inventory, List<SongRecord> songs, List<EventRecord> events,
                         List<Rejection> rejections, List<String> warnings) {
    }

    private final ProgressListener progress;
    private final Cancellation cancel;

    public SourcePreview(ProgressListener progress, Cancellation cancel) {
        this.progress = progress;
        this.cancel = cancel;
    }

    public Result preview(SourceLocation location, int maxRecords) {
        SourceInventory inv = new SourceScanner(progress, cancel).scan(location);
        List<String> warnings = new ArrayList<>();
        if (location.songs() == null) {
            warnings.add("No song folder (song_data): plays cannot be matched to songs");
        } else if (inv.songFiles().isEmpty()) {
            warnings.add("The song folder holds no .json files: " + location.songs());
        }
        if (location.logs() == null) {
            warnings.add("No log folder (log_data): there will be no plays");
        } else if (inv.logFiles().isEmpty()) {
            warnings.add("The log folder holds no .json files: " + location.logs());
        }
        long undated = inv.logFiles().stream().filter(f -> f.day() == null).count();
        if (undated > 0) {
            warnings.add(undated + " log files have no date (YYYY-MM-DD) in their name");
        }
        List<SongRecord> songs = new ArrayList<>();
        List<Rejection> rejections = new ArrayList<>();
        SongFileReader songReader = new SongFileReader();
        for (int i = 0; i < Math.min(SAMPLE_FILES, inv.songFiles().size()) && songs.size() < maxRecords; i++) {
            cancel.check();
            SongFileReader.Result r = songReader.read(inv.songFiles().get(i));
            songs.addAll(r.songs().subList(0, Math.min(r.songs().size(), maxRecords - songs.size())));
            rejections.addAll(r.rejections());
        }
        List<EventRecord> events = new ArrayList<>();
        Set<String> unknown = new TreeSet<>();
        LogFileReader logReader = new LogFileReader();
        for (int i = 0; i < Math.min(3, inv.logFiles().size()); i++) {
            cancel.check();
            LogFile f = inv.logFiles().get(i);
            try {
                LogFileReader.Check check = logReader.check(f.path());
                unknown.addAll(check.unknownFields());
                LogFileReader.Result r = logReader.read(f.path());
                events.addAll(r.events().subList(0, Math.min(r.events().size(), Math.max(0, maxRecords - events.size()))));
                rejections.addAll(r.rejections());
            } catch (IOException e) {
                warnings.add("Cannot read " + f.path() + ": " + e.getMessage());
            }
        }
        if (!unknown.isEmpty()) {
            warnings.add("Fields not in the schema (they will be ignored): " + String.join(", ", unknown));
        }
        if (!rejections.isEmpty()) {
            warnings.add(rejections.size() + " records in the first files fail to parse, e.g. " + rejections.get(0));
        }
        progress.onProgress(Progress.note("preview", "Preview ready: " + inv.describe()));
        return new Result(inv, songs, events, rejections, warnings);
    }
}
