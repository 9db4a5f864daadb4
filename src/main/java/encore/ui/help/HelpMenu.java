package encore.ui.help;

import encore.config.AppDirs;
import encore.config.BuildInfo;
import encore.ui.AppModel;
import encore.ui.Fx;
import javafx.scene.control.Alert;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;

/** The Help menu: the About box, and the log folder in the file manager. */
public final class HelpMenu extends MenuButton {

    public HelpMenu(AppModel model) {
        super("Help");
        setId("help-menu");
        getStyleClass().add("nav-button");
        setMaxWidth(Double.MAX_VALUE);
        MenuItem about = new MenuItem("About Encore");
        about.setId("help-about");
        about.setOnAction(e -> showAbout());
        MenuItem logs = new MenuItem("Open log folder");
        logs.setId("help-open-logs");
        logs.setOnAction(e -> openLogFolder(model));
        getItems().addAll(about, logs);
    }

    static void showAbout() {
        Alert a = new Alert(Alert.AlertType.INFORMATION);
        a.setTitle("About Encore");
        a.setHeaderText("Encore " + BuildInfo.encore() + "\nData explorer for music-streaming activity");
        var icon = HelpMenu.class.getResourceAsStream("/encore/ui/icon-64.png");
        if (icon != null) {
            a.setGraphic(new ImageView(new Image(icon)));
        }
        a.getDialogPane().setContent(new AboutBox());
        a.show();
    }

    static void openLogFolder(AppModel model) {
        var folder = AppDirs.logs();
        model.runner().run("Opening the log folder", false, (p, c) -> {
            FolderOpener.open(folder);
            return folder;
        }, f -> { }, e -> Fx.error("Cannot open the log folder", e), () -> { });
    }
}
