package encore.source;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/** What a scan found, before anything is loaded. */
public record SourceInventory(SourceLocation location, List<Path> songFiles, long songBytes,
                              List<LogFile> logFiles, long logBytes) {

    public SortedSet<LocalDate> days() {
        SortedSet<LocalDate> days = new TreeSet<>();
        for (LogFile f : logFiles) {
            f.dayCovered().ifPresent(days::add);
        }
        return days;
    }

    /** One line for people: files, bytes, days. */
    public String describe() {
        SortedSet<LocalDate> days = days();
        String dayText = days.isEmpty() ? "no dated files"
            : days.size() == 1 ? "1 day (" + days.first() + ")"
            : days.size() + " days (" + days.first() + " to " + days.last() + ")";
        return String.format("%s (%s), %s (%s), %s", count(songFiles.size(), "song file"), Bytes.human(songBytes),
            count(logFiles.size(), "log file"), Bytes.human(logBytes), dayText);
    }

    static String count(long n, String noun) {
        return String.format("%,d %s%s", n, noun, n == 1 ? "" : "s");
    }
}
