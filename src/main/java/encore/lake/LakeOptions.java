package encore.lake;

/**
 * How to export.
 *
 * @param layout      the songs layout
 * @param mode        overwrite the lake, or replace only the partitions of this run
 * @param compression the Parquet codec
 */
public record LakeOptions(LakeLayout layout, PublishMode mode, LakeCompression compression) {

    public static LakeOptions defaults() {
        return new LakeOptions(LakeLayout.COMPACT, PublishMode.OVERWRITE, LakeCompression.SNAPPY);
    }
}
