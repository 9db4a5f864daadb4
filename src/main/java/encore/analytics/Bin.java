package encore.analytics;

/**
 * One bar of the session-length histogram: sessions holding between {@code min} and {@code max}
 * plays (inclusive; {@code max} null for the open last bin).
 */
public record Bin(String label, long min, Long max, long sessions) {
}
