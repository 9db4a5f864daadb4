package encore;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/** Where the tests find their input: the bundled sample and the shared reference dataset. */
public final class TestData {

    private TestData() {
    }

    /** The project's bundled sample dataset. */
    public static Path sample() {
        Path p = Path.of("sample-data").toAbsolutePath();
        if (!Files.isDirectory(p.resolve("song_data")) || !Files.isDirectory(p.resolve("log_data"))) {
            fail("sample-data/ is missing or incomplete; regenerate it with the command in README.md");
        }
        return p;
    }

    /**
     * The public Sparkify reference dataset beside the checkout. In CI its absence fails the test;
     * elsewhere the test is reported as not run (never as passed).
     */
    public static Path sparkify() {
        Path p = Path.of(System.getProperty("encore.sharedData", "../shared/sparkify")).toAbsolutePath().normalize();
        boolean present = Files.isDirectory(p.resolve("song_data")) && Files.isDirectory(p.resolve("log_data"));
        if (!present) {
            String msg = "The Sparkify reference dataset is missing at " + p
                + " (set -Dencore.sharedData=DIR to point at it)";
            if (System.getenv("CI") != null) {
                fail(msg);
            }
            Assumptions.abort(msg);
        }
        return p;
    }
}
