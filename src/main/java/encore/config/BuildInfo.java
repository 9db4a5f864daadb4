package encore.config;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** Encore's version and the versions of the parts it is built on, as recorded at build time. */
public final class BuildInfo {

    private static final Properties PROPS = load();

    private BuildInfo() {
    }

    private static Properties load() {
        Properties p = new Properties();
        try (InputStream in = BuildInfo.class.getResourceAsStream("/encore/version.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException ignored) {
            // versions unknown
        }
        return p;
    }

    /** A recorded version ({@code encore.version}, {@code duckdb.version}, {@code javafx.version}). */
    public static String of(String key) {
        String v = PROPS.getProperty(key, "?");
        return v.startsWith("${") ? "dev" : v;
    }

    public static String encore() {
        return of("encore.version");
    }

    /** The Java runtime running Encore: version and vendor. */
    public static String java() {
        return System.getProperty("java.version") + " (" + System.getProperty("java.vendor", "?") + ")";
    }
}
