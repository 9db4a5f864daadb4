package encore.analytics;

/** What a chart element stands for, to drill down into the plays behind it. */
public enum Dimension {
    /** a UTC day, "2018-11-10" */
    DAY,
    /** a UTC hour, "0" … "23" */
    HOUR,
    /** an ISO weekday, "1" (Monday) … "7" (Sunday), or its English name ("Monday", "Mon") */
    WEEKDAY,
    /** the song title as the event gave it */
    SONG,
    /** the artist name as the event gave it */
    ARTIST,
    /** the listener location as the event gave it */
    LOCATION,
    /** "F", "M" or "unknown" (no gender in users) */
    GENDER,
    /** one of {@link ListeningAnalytics#PLATFORMS} */
    PLATFORM,
    /** "free" or "paid" */
    LEVEL,
    /**
     * plays per session, as a bin label of the session-length histogram: "1", "2-5", "&gt;100"
     * (the plays of the sessions of that length, counted over the filtered plays)
     */
    SESSION_LENGTH
}
