package encore.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UserSettingsTest {

    @TempDir
    Path dir;
    String before;

    @BeforeEach
    void point() {
        before = System.getProperty("encore.configDir");
        System.setProperty("encore.configDir", dir.toString());
    }

    @AfterEach
    void restore() {
        if (before == null) {
            System.clearProperty("encore.configDir");
        } else {
            System.setProperty("encore.configDir", before);
        }
    }

    @Test
    void settings_survive_a_restart() {
        UserSettings s = UserSettings.load();
        s.windowWidth = 1500;
        s.dataRoot = "/data/sparkify ü";
        s.warehouse = "/data/w.duckdb";
        s.s3Profile = "analytics";
        s.s3Region = "eu-west-1";
        s.s3Endpoint = "http://127.0.0.1:9000";
        s.remember("SELECT 1");
        s.remember("SELECT 2\nFROM songs");
        s.remember("SELECT 1");
        s.save();

        UserSettings back = UserSettings.load();
        assertThat(back.windowWidth).isEqualTo(1500);
        assertThat(back.dataRoot).isEqualTo("/data/sparkify ü");
        assertThat(back.warehouse).isEqualTo("/data/w.duckdb");
        assertThat(back.s3Profile).isEqualTo("analytics");
        assertThat(back.s3Region).isEqualTo("eu-west-1");
        assertThat(back.s3Endpoint).isEqualTo("http://127.0.0.1:9000");
        assertThat(back.queryHistory).containsExactly("SELECT 1", "SELECT 2\nFROM songs");
        assertThat(UserSettings.file()).startsWith(dir);
    }

    @Test
    void an_unreadable_file_is_kept_aside_and_defaults_are_used() throws Exception {
        Files.createDirectories(UserSettings.file().getParent());
        Files.writeString(UserSettings.file(), "window.width=wide\n");
        UserSettings s = UserSettings.load();
        assertThat(s.windowWidth).isEqualTo(1280);
        assertThat(UserSettings.file().resolveSibling("settings.properties.unreadable")).exists();
    }
}
