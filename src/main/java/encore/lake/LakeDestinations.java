package encore.lake;

import encore.task.EncoreException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;

/** Turns what the user typed as a destination into a {@link LakeDestination}. */
public final class LakeDestinations {

    private LakeDestinations() {
    }

    public static LakeDestination parse(String to) {
        if (to == null || to.isBlank()) {
            throw new EncoreException("No lake destination given", "give a folder (or s3://bucket/prefix) to export to");
        }
        String t = to.strip();
        if (t.toLowerCase(Locale.ROOT).startsWith("s3://")) {
            throw new EncoreException("S3 destinations need S3 support, which this version of Encore does not have yet: " + t,
                "export to a local folder for now");
        }
        try {
            return new LocalLakeDestination(Path.of(t));
        } catch (InvalidPathException e) {
            throw new EncoreException("Not a folder name: " + t, "give a folder to export the lake to", e);
        }
    }
}
