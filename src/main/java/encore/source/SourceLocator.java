package encore.source;

import encore.task.EncoreException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Finds the song and log folders of a data root, or checks folders given one by one. */
public final class SourceLocator {

    static final List<String> SONG_FOLDER_NAMES = List.of("song_data", "song-data", "songs");
    static final List<String> LOG_FOLDER_NAMES = List.of("log_data", "log-data", "logs");

    private SourceLocator() {
    }

    /** A data root holding {@code song_data/} and/or {@code log_data/} (or the dashed spellings). */
    public static SourceLocation fromRoot(Path root) {
        if (Files.exists(root) && !Files.isDirectory(root)) {
            throw new EncoreException(root + " is a file, not a folder", "give the folder that holds song_data/ and log_data/");
        }
        if (!Files.isDirectory(root)) {
            throw new EncoreException("Data folder not found: " + root,
                "give a folder that holds song_data/ and log_data/");
        }
        Path songs = firstExisting(root, SONG_FOLDER_NAMES);
        Path logs = firstExisting(root, LOG_FOLDER_NAMES);
        if (songs == null && logs == null) {
            throw new EncoreException("No song or log data in " + root.toAbsolutePath()
                + ": expected a folder named song_data (or song-data) and/or log_data (or log-data)",
                "point at the folder that contains them, or give --songs and --logs separately");
        }
        return new SourceLocation(absolute(songs), absolute(logs));
    }

    private static Path absolute(Path p) {
        return p == null ? null : p.toAbsolutePath().normalize();
    }

    /** Song and log folders given separately; either may be null, not both. */
    public static SourceLocation fromFolders(Path songs, Path logs) {
        if (songs == null && logs == null) {
            throw new EncoreException("No input given", "give a data root, or a song folder and a log folder");
        }
        requireFolder(songs, "Song folder");
        requireFolder(logs, "Log folder");
        return new SourceLocation(absolute(songs), absolute(logs));
    }

    private static void requireFolder(Path folder, String what) {
        if (folder != null && Files.exists(folder) && !Files.isDirectory(folder)) {
            throw new EncoreException(what + " " + folder + " is a file, not a folder", "give the folder that holds the JSON files");
        }
        if (folder != null && !Files.isDirectory(folder)) {
            throw new EncoreException(what + " not found: " + folder, "check the path");
        }
    }

    private static Path firstExisting(Path root, List<String> names) {
        for (String name : names) {
            Path candidate = root.resolve(name);
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        return null;
    }
}
