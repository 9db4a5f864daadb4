package encore.lake;

/** How the songs table is laid out in the lake. */
public enum LakeLayout {
    /** songs/year=Y/ with rows sorted by artist_id: few files, readers prune by row-group statistics. */
    COMPACT,
    /**
     * songs/year=Y/artist_id=A/, as the original Spark data lake of this dataset: one folder per
     * artist and year, so at a million songs hundreds of thousands of tiny files.
     */
    CLASSIC
}
