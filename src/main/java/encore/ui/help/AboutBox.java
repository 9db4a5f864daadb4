package encore.ui.help;

import encore.config.AppDirs;
import encore.config.BuildInfo;
import java.util.LinkedHashMap;
import java.util.Map;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;

/** What the About box shows: the versions Encore runs on and the folders it keeps its files in. */
public final class AboutBox extends GridPane {

    public AboutBox() {
        setId("about-box");
        setHgap(14);
        setVgap(6);
        int row = 0;
        for (Map.Entry<String, String> e : facts().entrySet()) {
            Label key = new Label(e.getKey());
            key.getStyleClass().add("about-key");
            Label value = new Label(e.getValue());
            value.setId("about-" + e.getKey().toLowerCase(java.util.Locale.ROOT).replace(' ', '-'));
            value.setWrapText(true);
            addRow(row++, key, value);
        }
    }

    /** The facts in the order shown: versions first, then the folders. */
    static Map<String, String> facts() {
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("Encore", BuildInfo.encore());
        facts.put("Java", BuildInfo.java());
        facts.put("JavaFX", System.getProperty("javafx.runtime.version", BuildInfo.of("javafx.version")));
        facts.put("DuckDB JDBC", BuildInfo.of("duckdb.version"));
        facts.put("System", System.getProperty("os.name") + " " + System.getProperty("os.version") + " (" + System.getProperty("os.arch") + ")");
        AppDirs.Dirs dirs = AppDirs.current();
        facts.put("Settings", dirs.config().toString());
        facts.put("Data", dirs.data().toString());
        facts.put("Logs", dirs.logs().toString());
        return facts;
    }
}
