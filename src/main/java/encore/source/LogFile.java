package encore.source;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One log file: its path, size and the day its name says it covers (if it says one). */
public record LogFile(Path path, long bytes, LocalDate day) {

    private static final Pattern DAY = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})");

    public static LogFile of(Path path, long bytes) {
        return new LogFile(path, bytes, dayOf(path.getFileName().toString()));
    }

    public Optional<LocalDate> dayCovered() {
        return Optional.ofNullable(day);
    }

    static LocalDate dayOf(String fileName) {
        Matcher m = DAY.matcher(fileName);
        if (!m.find()) {
            return null;
        }
        try {
            return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }
}
