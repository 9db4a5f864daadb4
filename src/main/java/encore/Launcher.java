package encore;

import encore.cli.EncoreCli;

/**
 * Starts Encore: with a command, the command line; the desktop app comes with a later release.
 * Kept free of JavaFX so the command line starts without it.
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) {
        if (args.length == 0) {
            EncoreCli.commandLine().usage(System.out);
            System.exit(EncoreCli.OK);
        }
        System.exit(EncoreCli.run(args));
    }
}
