package encore.lake;

/** What a finished export does to the lake already at the destination. */
public enum PublishMode {
    /** The new lake replaces the old one whole. */
    OVERWRITE,
    /**
     * Partitions present in this run replace the same partitions of the old lake; the old lake's
     * other partitions stay. Unpartitioned tables (users, artists) are replaced whole.
     */
    PARTITIONS
}
