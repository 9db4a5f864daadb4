package encore.config;

import java.util.Locale;

/**
 * The files Encore opens when a user double-clicks one (the installers associate these
 * extensions with the desktop app): warehouses, and pipeline files — the extension is reserved
 * for the pipelines a later version will run.
 */
public final class Documents {

    public static final String WAREHOUSE = ".duckdb";
    public static final String PIPELINE = ".encore";

    private Documents() {
    }

    public static boolean isWarehouse(String path) {
        return path.toLowerCase(Locale.ROOT).endsWith(WAREHOUSE);
    }

    public static boolean isPipeline(String path) {
        return path.toLowerCase(Locale.ROOT).endsWith(PIPELINE);
    }

    /** A file a double-click could have passed (not a command or an option). */
    public static boolean isDocument(String arg) {
        return !arg.startsWith("-") && (isWarehouse(arg) || isPipeline(arg));
    }
}
