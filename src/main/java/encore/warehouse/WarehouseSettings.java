package encore.warehouse;

import java.nio.file.Path;

/**
 * DuckDB settings for a warehouse connection.
 *
 * @param memoryLimit   DuckDB's memory limit, e.g. "1GB"; DuckDB spills to {@code tempDirectory} beyond it
 * @param threads       worker threads (DuckDB's and the readers'), or 0 for one per core
 * @param tempDirectory where DuckDB spills, or null for its default (beside the database file)
 */
public record WarehouseSettings(String memoryLimit, int threads, Path tempDirectory) {

    /** Whether {@code s} is a size DuckDB takes as a memory limit: 512MB, 2GB, 1.5GiB, 50%. */
    public static boolean isMemoryLimit(String s) {
        return s != null && s.strip().matches("(?i)[0-9]+(\\.[0-9]+)?\\s*(B|KB|MB|GB|TB|KIB|MIB|GIB|TIB|%)");
    }

    /**
     * The memory limit as DuckDB takes it: a share of the machine's memory ("50%") becomes that
     * many megabytes (DuckDB itself reads only absolute sizes); anything else is passed as given.
     */
    public String duckdbMemoryLimit() {
        String s = memoryLimit.strip();
        if (!s.endsWith("%")) {
            return s;
        }
        double share = Double.parseDouble(s.substring(0, s.length() - 1).strip()) / 100.0;
        long total = ((com.sun.management.OperatingSystemMXBean)
            java.lang.management.ManagementFactory.getOperatingSystemMXBean()).getTotalMemorySize();
        return Math.max(1, Math.round(total * share / (1024.0 * 1024.0))) + "MB";
    }

    public static WarehouseSettings defaults() {
        return new WarehouseSettings("1GB", 0, null);
    }

    /**
     * For loads started from the desktop app: one core fewer than the machine has (at least one),
     * so the window keeps a core to draw on.
     */
    public static WarehouseSettings interactive() {
        return new WarehouseSettings("1GB", Math.max(1, Runtime.getRuntime().availableProcessors() - 1), null);
    }
}
