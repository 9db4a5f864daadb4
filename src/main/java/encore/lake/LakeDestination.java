package encore.lake;

import encore.task.Cancellation;
import encore.task.ProgressListener;
import java.nio.file.Path;

/**
 * Where a finished lake goes. An export writes the complete lake (data files, manifest, success
 * marker) into {@link #newStagingFolder()} first and then calls {@link #publish} once; a failed or
 * cancelled publish must leave the lake at the destination as it was.
 */
public interface LakeDestination {

    /** The destination as the user named it, e.g. a folder or {@code s3://bucket/prefix}. */
    String describe();

    /**
     * Checks that a lake exported with {@code options} can be published here (before anything is
     * written), and returns a new empty folder to write it into (for a local destination on the
     * same file system, so that publishing is a rename). The export deletes it when it ends.
     */
    Path newStagingFolder(LakeOptions options);

    /**
     * Publishes the finished lake in {@code finishedLake}, whose manifest is {@code manifest}.
     * In {@link PublishMode#PARTITIONS} mode the partitions of the lake already at the destination
     * that this run does not hold are kept.
     *
     * @return the manifest of the lake as published (with kept partitions in partitions mode)
     */
    LakeManifest publish(Path finishedLake, LakeManifest manifest, PublishMode mode, ProgressListener progress,
                         Cancellation cancel);
}
