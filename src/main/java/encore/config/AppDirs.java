package encore.config;

import java.nio.file.Path;
import java.util.Locale;

/**
 * The platform's usual per-user folders for Encore's settings and data (warehouses, caches,
 * logs) — never the install folder. {@code -Dencore.configDir=DIR} puts everything under one
 * folder instead (tests, portable use).
 */
public final class AppDirs {

    private AppDirs() {
    }

    public static Path config() {
        return base("config");
    }

    public static Path data() {
        return base("data");
    }

    /** Caches that can be deleted at any time (e.g. objects fetched from S3). */
    public static Path cache() {
        String override = System.getProperty("encore.configDir");
        if (override != null && !override.isBlank()) {
            return Path.of(override).resolve("cache");
        }
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        Path home = Path.of(System.getProperty("user.home"));
        if (os.contains("win")) {
            String env = System.getenv("LOCALAPPDATA");
            return (env != null ? Path.of(env) : home.resolve("AppData/Local")).resolve("Encore").resolve("cache");
        }
        if (os.contains("mac")) {
            return home.resolve("Library/Caches/Encore");
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        return (xdg != null && !xdg.isBlank() ? Path.of(xdg) : home.resolve(".cache")).resolve("encore");
    }

    /** Where objects fetched from S3 are mirrored. */
    public static Path s3Cache() {
        return cache().resolve("s3");
    }

    public static Path logs() {
        return data().resolve("logs");
    }

    private static Path base(String kind) {
        String override = System.getProperty("encore.configDir");
        if (override != null && !override.isBlank()) {
            return Path.of(override).resolve(kind);
        }
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        Path home = Path.of(System.getProperty("user.home"));
        if (os.contains("win")) {
            String env = System.getenv(kind.equals("config") ? "APPDATA" : "LOCALAPPDATA");
            return (env != null ? Path.of(env) : home.resolve("AppData/Roaming")).resolve("Encore");
        }
        if (os.contains("mac")) {
            return home.resolve("Library/Application Support/Encore");
        }
        String xdg = System.getenv(kind.equals("config") ? "XDG_CONFIG_HOME" : "XDG_DATA_HOME");
        Path root = xdg != null && !xdg.isBlank() ? Path.of(xdg) : home.resolve(kind.equals("config") ? ".config" : ".local/share");
        return root.resolve("encore");
    }
}
