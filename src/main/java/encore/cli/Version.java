package encore.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine;

/** Encore's version and the versions of the parts it is built on, as recorded at build time. */
public final class Version implements CommandLine.IVersionProvider {

    private static final Properties PROPS = load();

    private static Properties load() {
        Properties p = new Properties();
        try (InputStream in = Version.class.getResourceAsStream("/encore/version.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException ignored) {
            // versions unknown
        }
        return p;
    }

    public static String of(String key) {
        String v = PROPS.getProperty(key, "?");
        return v.startsWith("${") ? "dev" : v;
    }

    public static String current() {
        return of("encore.version");
    }

    @Override
    public String[] getVersion() {
        return new String[] {"Encore " + current(), "DuckDB JDBC " + of("duckdb.version"),
            "JavaFX " + of("javafx.version"), "Java " + System.getProperty("java.version")};
    }
}
