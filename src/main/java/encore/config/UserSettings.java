package encore.config;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the app remembers between starts: window size, the last data folders and warehouse, the
 * S3 profile, region and endpoint (no credentials), and the SQL history. Stored as a properties file in the user's config folder (read in
 * milliseconds, so the window is not kept waiting); an unreadable file is set aside, never
 * silently overwritten, and defaults are used.
 */
public final class UserSettings {

    public static final int HISTORY_SIZE = 50;

    public double windowWidth = 1280;
    public double windowHeight = 820;
    public String dataRoot;
    public String songsFolder;
    public String logsFolder;
    public String warehouse;
    /** S3: the AWS profile, region and endpoint override (never a key or secret). */
    public String s3Profile;
    public String s3Region;
    public String s3Endpoint;
    public List<String> queryHistory = new ArrayList<>();

    public static Path file() {
        return AppDirs.config().resolve("settings.properties");
    }

    public static UserSettings load() {
        Path f = file();
        UserSettings s = new UserSettings();
        if (!Files.isRegularFile(f)) {
            return s;
        }
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
            p.load(r);
            s.windowWidth = Double.parseDouble(p.getProperty("window.width", "1280"));
            s.windowHeight = Double.parseDouble(p.getProperty("window.height", "820"));
        } catch (IOException | IllegalArgumentException e) {
            Path aside = f.resolveSibling("settings.properties.unreadable");
            log().warn("Settings file {} is unreadable ({}); kept as {} and starting with defaults", f, e.getMessage(), aside);
            try {
                Files.move(f, aside, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException ignored) {
                // leave it where it is
            }
            return new UserSettings();
        }
        s.dataRoot = p.getProperty("data.root");
        s.songsFolder = p.getProperty("data.songs");
        s.logsFolder = p.getProperty("data.logs");
        s.warehouse = p.getProperty("warehouse");
        s.s3Profile = p.getProperty("s3.profile");
        s.s3Region = p.getProperty("s3.region");
        s.s3Endpoint = p.getProperty("s3.endpoint");
        for (int i = 0; i < HISTORY_SIZE; i++) {
            String q = p.getProperty("history." + i);
            if (q != null) {
                s.queryHistory.add(q);
            }
        }
        return s;
    }

    /** Writes the settings now, on the calling thread. */
    public void save() {
        write(snapshot());
    }

    /** The settings as they are now, to be written later (possibly on another thread). */
    public Properties snapshot() {
        Properties p = new Properties();
        p.setProperty("window.width", Double.toString(windowWidth));
        p.setProperty("window.height", Double.toString(windowHeight));
        put(p, "data.root", dataRoot);
        put(p, "data.songs", songsFolder);
        put(p, "data.logs", logsFolder);
        put(p, "warehouse", warehouse);
        put(p, "s3.profile", s3Profile);
        put(p, "s3.region", s3Region);
        put(p, "s3.endpoint", s3Endpoint);
        for (int i = 0; i < queryHistory.size(); i++) {
            p.setProperty("history." + i, queryHistory.get(i));
        }
        return p;
    }

    /** Writes a snapshot atomically (a temporary file moved over the old one). */
    public static void write(Properties p) {
        Path f = file();
        try {
            Files.createDirectories(f.getParent());
            Path tmp = f.resolveSibling("settings.properties.tmp");
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                p.store(w, "Encore settings");
            }
            Files.move(tmp, f, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            log().warn("Cannot save settings to {}: {}", f, e.getMessage());
        }
    }

    /** Looked up only when there is something to say: logging is not started before the window. */
    private static Logger log() {
        return LoggerFactory.getLogger(UserSettings.class);
    }

    private static void put(Properties p, String key, String value) {
        if (value != null && !value.isBlank()) {
            p.setProperty(key, value);
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
