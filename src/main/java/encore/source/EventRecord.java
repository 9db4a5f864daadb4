package encore.source;

/** One app event of a log file, typed as staged. userId is "" for logged-out events. */
public record EventRecord(String artist, String auth, String firstName, String gender, Integer itemInSession,
                          String lastName, Double length, String level, String location, String method,
                          String page, Long registration, Long sessionId, String song, Integer status,
                          Long ts, String userAgent, String userId, String sourceFile, int sourceLine) {
}
