package encore.config;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the app remembers between starts: window size, the last data folders and warehouse, and
 * the SQL history. Stored as JSON in the user's config folder; an unreadable file is set aside
 * (never silently overwritten) and defaults are used.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public final class UserSettings {

    private static final Logger LOG = LoggerFactory.getLogger(UserSettings.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    public static final int HISTORY_SIZE = 50;

    public double windowWidth = 1280;
    public double windowHeight = 820;
    public String dataRoot;
    public String songsFolder;
    public String logsFolder;
    public String warehouse;
    public List<String> queryHistory = new ArrayList<>();

    public static Path file() {
        return AppDirs.config().resolve("settings.json");
    }

    public static UserSettings load() {
        Path f = file();
        if (!Files.isRegularFile(f)) {
            return new UserSettings();
        }
        try {
            return JSON.readValue(f.toFile(), UserSettings.class);
        } catch (IOException e) {
            Path aside = f.resolveSibling("settings.json.unreadable");
            LOG.warn("Settings file {} is unreadable ({}); kept as {} and starting with defaults", f, e.getMessage(), aside);
            try {
                Files.move(f, aside, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException ignored) {
                // leave it where it is
            }
            return new UserSettings();
        }
    }

    public void save() {
        Path f = file();
        try {
            Files.createDirectories(f.getParent());
            Path tmp = f.resolveSibling("settings.json.tmp");
            JSON.writerWithDefaultPrettyPrinter().writeValue(tmp.toFile(), this);
            Files.move(tmp, f, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            LOG.warn("Cannot save settings to {}: {}", f, e.getMessage());
        }
    }

    public void remember(String sql) {
        queryHistory.remove(sql);
        queryHistory.add(0, sql);
        while (queryHistory.size() > HISTORY_SIZE) {
            queryHistory.remove(queryHistory.size() - 1);
        }
    }
}
