package encore.source;

/** One song object of a song file, typed as staged. Nullable fields are boxed. */
public record SongRecord(Integer numSongs, String artistId, Double artistLatitude, Double artistLongitude,
                         String artistLocation, String artistName, String songId, String title,
                         Double duration, Integer year, String sourceFile, int sourceLine) {
}
