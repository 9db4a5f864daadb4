package encore.analytics;

import java.time.LocalDate;

/** Free and paid plays on one UTC day. */
public record LevelDay(LocalDate day, long freePlays, long paidPlays) {
}
