package encore;

import encore.cli.EncoreCli;

/**
 * Starts Encore: with a command, the command line; with none, the desktop app. A plain class
 * (not an Application) so that JavaFX from the class path starts, and the command line never
 * loads JavaFX.
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) {
        if (args.length == 0) {
            encore.ui.EncoreApp.launchApp(args);
            return;
        }
        System.exit(EncoreCli.run(args));
    }
}
