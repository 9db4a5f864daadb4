package encore.analytics;

/** One bar of a ranked chart: a label (song, artist, location, gender, platform) and its plays. */
public record Ranked(String label, long plays) {
}
