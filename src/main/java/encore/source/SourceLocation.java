package encore.source;

import java.nio.file.Path;
import java.util.Optional;

/** Where one load's input lives: the song folder and the log folder (either may be absent). */
public record SourceLocation(Path songs, Path logs) {

    public Optional<Path> songsFolder() {
        return Optional.ofNullable(songs);
    }

    public Optional<Path> logsFolder() {
        return Optional.ofNullable(logs);
    }

    @Override
    public String toString() {
        return "songs=" + (songs == null ? "(none)" : songs) + ", logs=" + (logs == null ? "(none)" : logs);
    }
}
