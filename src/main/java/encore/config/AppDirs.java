package encore.config;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The platform's usual per-user folders for Encore's settings, data (warehouses), caches and
 * logs — never the install folder:
 * <ul>
 *   <li>Linux (XDG): {@code $XDG_CONFIG_HOME/encore}, {@code $XDG_DATA_HOME/encore},
 *       {@code $XDG_CACHE_HOME/encore}, {@code $XDG_STATE_HOME/encore/logs}
 *       (defaults {@code ~/.config}, {@code ~/.local/share}, {@code ~/.cache}, {@code ~/.local/state});</li>
 *   <li>Windows: {@code %APPDATA%\Encore} for settings, {@code %LOCALAPPDATA%\Encore} for data,
 *       with {@code Cache} and {@code Logs} under it;</li>
 *   <li>macOS: {@code ~/Library/Application Support/Encore}, {@code ~/Library/Caches/Encore},
 *       {@code ~/Library/Logs/Encore}.</li>
 * </ul>
 * {@code -Dencore.configDir=DIR} puts everything under one folder instead (tests, portable use).
 */
public final class AppDirs {

    /** The four folders of one user on one platform. */
    public record Dirs(Path config, Path data, Path cache, Path logs) {
    }

    private AppDirs() {
    }

    public static Path config() {
        return current().config();
    }

    public static Path data() {
        return current().data();
    }

    /** Caches that can be deleted at any time (e.g. objects fetched from S3). */
    public static Path cache() {
        return current().cache();
    }

    /** Where objects fetched from S3 are mirrored. */
    public static Path s3Cache() {
        return cache().resolve("s3");
    }

    public static Path logs() {
        return current().logs();
    }

    /** The folders for this user, as the system properties and environment say. */
    public static Dirs current() {
        String override = System.getProperty("encore.configDir");
        if (override != null && !override.isBlank()) {
            Path root = Path.of(override);
            return new Dirs(root.resolve("config"), root.resolve("data"), root.resolve("cache"), root.resolve("logs"));
        }
        return forPlatform(System.getProperty("os.name", ""), home(System::getenv), System::getenv);
    }

    /**
     * The user's home: {@code $HOME} where it is set (Linux and macOS, as the XDG rules say), else
     * what Java says (Java takes it from the password database, whatever {@code $HOME} says).
     */
    static Path home(Function<String, String> env) {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String home = os.contains("win") ? null : env.apply("HOME");
        return home != null && !home.isBlank() && Path.of(home).isAbsolute() ? Path.of(home) : Path.of(System.getProperty("user.home"));
    }

    /** The folders on the platform named {@code osName}, for the user with this home and environment. */
    public static Dirs forPlatform(String osName, Path home, Function<String, String> env) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.contains("win")) {
            Path roaming = dir(env, "APPDATA", home.resolve("AppData/Roaming")).resolve("Encore");
            Path local = dir(env, "LOCALAPPDATA", home.resolve("AppData/Local")).resolve("Encore");
            return new Dirs(roaming, local, local.resolve("Cache"), local.resolve("Logs"));
        }
        if (os.contains("mac")) {
            Path library = home.resolve("Library");
            Path support = library.resolve("Application Support/Encore");
            return new Dirs(support, support, library.resolve("Caches/Encore"), library.resolve("Logs/Encore"));
        }
        return new Dirs(dir(env, "XDG_CONFIG_HOME", home.resolve(".config")).resolve("encore"),
            dir(env, "XDG_DATA_HOME", home.resolve(".local/share")).resolve("encore"),
            dir(env, "XDG_CACHE_HOME", home.resolve(".cache")).resolve("encore"),
            dir(env, "XDG_STATE_HOME", home.resolve(".local/state")).resolve("encore/logs"));
    }

    /** Names the folders as a user reads them (for the About box). */
    public static Map<String, Path> describe() {
        Dirs d = current();
        return Map.of("Settings", d.config(), "Data", d.data(), "Cache", d.cache(), "Logs", d.logs());
    }

    private static Path dir(Function<String, String> env, String name, Path fallback) {
        String value = env.apply(name);
        // XDG: a relative value is invalid and must be ignored
        return value != null && !value.isBlank() && Path.of(value).isAbsolute() ? Path.of(value) : fallback;
    }
}
