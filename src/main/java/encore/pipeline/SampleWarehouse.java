package encore.pipeline;

import encore.config.AppDirs;
import encore.source.SourceLocator;
import encore.task.Cancellation;
import encore.task.EncoreException;
import encore.task.ProgressListener;
import encore.warehouse.WarehouseSettings;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The bundled sample dataset and the warehouse built from it on first start. */
public final class SampleWarehouse {

    private SampleWarehouse() {
    }

    /** The bundled {@code sample-data} folder: beside the app, or in the working folder. */
    public static Optional<Path> sampleData() {
        List<Path> candidates = new ArrayList<>();
        String prop = System.getProperty("encore.sampleData");
        if (prop != null) {
            candidates.add(Path.of(prop));
        }
        candidates.add(Path.of("sample-data"));
        try {
            Path jar = Path.of(SampleWarehouse.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path dir = Files.isDirectory(jar) ? jar : jar.getParent();
            for (Path p = dir; p != null && candidates.size() < 8; p = p.getParent()) {
                candidates.add(p.resolve("sample-data"));
            }
        } catch (URISyntaxException | SecurityException | NullPointerException ignored) {
            // no code location: the working folder is all we have
        }
        return candidates.stream().filter(p -> Files.isDirectory(p.resolve("log_data"))).map(p -> p.toAbsolutePath().normalize()).findFirst();
    }

    /** Where the sample warehouse lives: the user's data folder. */
    public static Path location() {
        return AppDirs.data().resolve("sample.duckdb");
    }

    /** The sample warehouse, built from the bundled sample when it does not exist yet. */
    public static Path ensure(ProgressListener progress, Cancellation cancel) {
        Path db = location();
        if (Files.isRegularFile(db)) {
            return db;
        }
        Path data = sampleData().orElseThrow(() -> new EncoreException("The bundled sample data was not found",
            "open your own data in the Data view"));
        // built beside its final place and moved in when complete: an interrupted first start
        // never leaves a half-built sample behind
        Path building = db.resolveSibling("sample.building.duckdb");
        try {
            Files.deleteIfExists(building);
            Files.deleteIfExists(building.resolveSibling(building.getFileName() + ".wal"));
            new EtlJob(progress, cancel, WarehouseSettings.defaults()).run(SourceLocator.fromRoot(data), building);
            Files.move(building, db, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (java.io.IOException e) {
            throw new EncoreException("Cannot build the sample warehouse in " + db.getParent() + ": " + e.getMessage(),
                "check that the folder is writable", e);
        }
        return db;
    }
}
