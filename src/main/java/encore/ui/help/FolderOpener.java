package encore.ui.help;

import encore.task.EncoreException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Opens a folder in the system's file manager: through java.awt.Desktop where the platform has
 * it, else the desktop's own opener (xdg-open, open, explorer). Blocks: run it off the FX thread.
 */
final class FolderOpener {

    private FolderOpener() {
    }

    static void open(Path folder) {
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new EncoreException("Cannot create the folder " + folder + ": " + e.getMessage(), "check that it is writable", e);
        }
        if (viaDesktop(folder)) {
            return;
        }
        List<String> command = opener(folder);
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            int exit = p.waitFor();
            if (exit != 0) {
                throw new EncoreException("Cannot open the folder " + folder + ": " + command.get(0) + " exited with " + exit,
                    "open it in your file manager");
            }
        } catch (IOException e) {
            throw new EncoreException("Cannot open the folder " + folder + ": no file manager found (" + command.get(0) + ")",
                "open it in your file manager", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static boolean viaDesktop(Path folder) {
        try {
            if (!java.awt.GraphicsEnvironment.isHeadless() && java.awt.Desktop.isDesktopSupported()
                && java.awt.Desktop.getDesktop().isSupported(java.awt.Desktop.Action.OPEN)) {
                java.awt.Desktop.getDesktop().open(folder.toFile());
                return true;
            }
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            // fall back to the desktop's own opener
        }
        return false;
    }

    private static List<String> opener(Path folder) {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.contains("win")) {
            return List.of("explorer", folder.toString());
        }
        return List.of(os.contains("mac") ? "open" : "xdg-open", folder.toString());
    }
}
