package encore.lake;

import java.util.List;

/**
 * What an export did.
 *
 * @param destination   where the lake was published
 * @param source        the warehouse it was exported from
 * @param options       layout, mode and codec
 * @param tables        per-table totals of the lake as published
 * @param partitions    partitions in the published lake (an unpartitioned table counts as one)
 * @param files         data files in the published lake
 * @param rows          rows in the published lake
 * @param bytes         bytes of its data files
 * @param writtenFiles  data files this run wrote (fewer than {@code files} when partitions were kept)
 * @param elapsedMillis wall time of the whole export
 */
public record LakeSummary(String destination, String source, LakeOptions options, List<LakeManifest.Table> tables,
                          long partitions, long files, long rows, long bytes, long writtenFiles, long elapsedMillis) {
}
