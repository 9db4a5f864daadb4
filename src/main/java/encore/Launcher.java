package encore;

import encore.cli.EncoreCli;
import encore.config.AppDirs;
import encore.config.AppLogging;
import encore.config.Documents;

/**
 * Starts Encore: with no arguments, or with one warehouse or pipeline file (what a double-click
 * passes), the desktop app; with a command, the command line. A plain class (not an Application)
 * so that JavaFX from the class path starts, and the command line never loads JavaFX.
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) {
        if (!opensDesktop(args)) {
            System.exit(EncoreCli.run(args));
            return;
        }
        AppLogging.toFolder(AppDirs.logs());
        if (System.getProperty("javafx.cachedir") == null) {
            // JavaFX from the class path unpacks its native libraries: into the user's cache, not ~/.openjfx
            System.setProperty("javafx.cachedir", AppDirs.cache().resolve("javafx").toString());
        }
        encore.ui.EncoreApp.launchApp(args);
    }

    /** True for no arguments or one document to open; false for a command line. */
    static boolean opensDesktop(String[] args) {
        return args.length == 0 || (args.length == 1 && Documents.isDocument(args[0]));
    }
}
