package encore.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AppDirsTest {

    final Path home = Path.of("/home/ana");

    @Test
    void linux_follows_xdg_and_its_defaults() {
        AppDirs.Dirs d = AppDirs.forPlatform("Linux", home, Map.<String, String>of()::get);
        assertThat(d.config()).isEqualTo(Path.of("/home/ana/.config/encore"));
        assertThat(d.data()).isEqualTo(Path.of("/home/ana/.local/share/encore"));
        assertThat(d.cache()).isEqualTo(Path.of("/home/ana/.cache/encore"));
        assertThat(d.logs()).isEqualTo(Path.of("/home/ana/.local/state/encore/logs"));

        AppDirs.Dirs x = AppDirs.forPlatform("Linux", home, Map.of("XDG_CONFIG_HOME", "/cfg", "XDG_DATA_HOME", "/d",
            "XDG_CACHE_HOME", "/c", "XDG_STATE_HOME", "relative/ignored")::get);
        assertThat(x.config()).isEqualTo(Path.of("/cfg/encore"));
        assertThat(x.data()).isEqualTo(Path.of("/d/encore"));
        assertThat(x.cache()).isEqualTo(Path.of("/c/encore"));
        assertThat(x.logs()).isEqualTo(Path.of("/home/ana/.local/state/encore/logs"));
    }

    @Test
    void windows_keeps_settings_roaming_and_the_rest_local() {
        AppDirs.Dirs d = AppDirs.forPlatform("Windows 11", home,
            Map.of("APPDATA", "/users/ana/roaming", "LOCALAPPDATA", "/users/ana/local")::get);
        assertThat(d.config()).isEqualTo(Path.of("/users/ana/roaming/Encore"));
        assertThat(d.data()).isEqualTo(Path.of("/users/ana/local/Encore"));
        assertThat(d.cache()).isEqualTo(Path.of("/users/ana/local/Encore/Cache"));
        assertThat(d.logs()).isEqualTo(Path.of("/users/ana/local/Encore/Logs"));
    }

    @Test
    void macos_uses_the_library_folders() {
        AppDirs.Dirs d = AppDirs.forPlatform("Mac OS X", home, Map.<String, String>of()::get);
        assertThat(d.config()).isEqualTo(Path.of("/home/ana/Library/Application Support/Encore"));
        assertThat(d.cache()).isEqualTo(Path.of("/home/ana/Library/Caches/Encore"));
        assertThat(d.logs()).isEqualTo(Path.of("/home/ana/Library/Logs/Encore"));
    }

    @Test
    void home_comes_from_the_environment_where_set() {
        if (!System.getProperty("os.name").toLowerCase(java.util.Locale.ROOT).contains("win")) {
            assertThat(AppDirs.home(Map.of("HOME", "/tmp/fresh-home")::get)).isEqualTo(Path.of("/tmp/fresh-home"));
        }
        assertThat(AppDirs.home(Map.<String, String>of()::get)).isEqualTo(Path.of(System.getProperty("user.home")));
        assertThat(AppDirs.home(Map.of("HOME", "relative")::get)).isEqualTo(Path.of(System.getProperty("user.home")));
    }

    @Test
    void one_override_puts_everything_under_one_folder() {
        String before = System.getProperty("encore.configDir");
        System.setProperty("encore.configDir", "/portable");
        try {
            assertThat(AppDirs.current()).isEqualTo(new AppDirs.Dirs(Path.of("/portable/config"), Path.of("/portable/data"),
                Path.of("/portable/cache"), Path.of("/portable/logs")));
        } finally {
            if (before == null) {
                System.clearProperty("encore.configDir");
            } else {
                System.setProperty("encore.configDir", before);
            }
        }
    }
}
