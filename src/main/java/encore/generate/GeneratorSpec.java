package encore.generate;

import java.nio.file.Path;
import java.time.LocalDate;

/**
 * What to generate.
 *
 * @param out          the data root to write {@code song_data/} and {@code log_data/} into
 * @param songs        song files (one song each)
 * @param days         consecutive days of logs, one file per day
 * @param users        registered users
 * @param eventsPerDay events per day file (about)
 * @param seed         the same seed always gives the same bytes
 * @param firstDay     the first day of logs
 * @param matchShare   the share of plays that pick a song of the catalog (title, artist, duration)
 */
public record GeneratorSpec(Path out, int songs, int days, int users, int eventsPerDay, long seed,
                            LocalDate firstDay, double matchShare) {

    public GeneratorSpec {
        if (songs < 1 || days < 0 || users < 1 || eventsPerDay < 0) {
            throw new IllegalArgumentException("songs and users must be at least 1; days and events-per-day at least 0");
        }
        if (matchShare < 0 || matchShare > 1) {
            throw new IllegalArgumentException("matchShare must be in [0, 1]");
        }
    }
}
