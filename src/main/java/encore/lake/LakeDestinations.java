package encore.lake;

import encore.storage.s3.S3Location;
import encore.storage.s3.S3Settings;
import encore.task.EncoreException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/** Turns what the user typed as a destination into a {@link LakeDestination}. */
public final class LakeDestinations {

    private LakeDestinations() {
    }

    /** As {@link #parse(String, S3Settings)} with the standard AWS settings. */
    public static LakeDestination parse(String to) {
        return parse(to, S3Settings.defaults());
    }

    /** A folder, or {@code s3://bucket/prefix} reached with {@code s3} (profile, region, endpoint, path style). */
    public static LakeDestination parse(String to, S3Settings s3) {
        if (to == null || to.isBlank()) {
            throw new EncoreException("No lake destination given", "give a folder (or s3://bucket/prefix) to export to");
        }
        String t = to.strip();
        if (S3Location.isS3(t)) {
            return new S3LakeDestination(S3Location.parse(t), s3 == null ? S3Settings.defaults() : s3);
        }
        try {
            return new LocalLakeDestination(Path.of(t));
        } catch (InvalidPathException e) {
            throw new EncoreException("Not a folder name: " + t, "give a folder to export the lake to", e);
        }
    }
}
