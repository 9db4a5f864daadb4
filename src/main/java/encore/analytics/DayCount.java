package encore.analytics;

import java.time.LocalDate;

/** Plays on one UTC day. */
public record DayCount(LocalDate day, long plays) {
}
