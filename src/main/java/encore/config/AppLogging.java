package encore.config;

import java.nio.file.Path;

/**
 * Where the desktop app logs: a rolling file in the user's log folder. The command line keeps
 * logging to stderr only ({@code logback.xml}). Must run before the first logger is made.
 */
public final class AppLogging {

    /** The Logback configuration of the desktop app (a class path resource). */
    public static final String APP_CONFIG = "encore/logback-app.xml";

    private AppLogging() {
    }

    /** Sends the log to {@code encore.log} in {@code folder}, rolled daily and at 10 MB. */
    public static void toFolder(Path folder) {
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("encore.logDir", folder.toAbsolutePath().toString());
            System.setProperty("logback.configurationFile", APP_CONFIG);
        }
    }
}
