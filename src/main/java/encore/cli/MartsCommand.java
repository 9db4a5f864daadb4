package encore.cli;

import encore.task.EncoreException;
import encore.warehouse.DashboardMarts;
import encore.warehouse.Warehouse;
import encore.warehouse.WarehouseSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code encore marts}: refresh a warehouse's dashboard marts (after {@code etl --no-marts}). */
@Command(name = "marts", mixinStandardHelpOptions = true,
    description = "Refresh the dashboard marts of a warehouse (what `encore etl` does after a load unless --no-marts).")
final class MartsCommand implements Callable<Integer> {

    @Option(names = "--db", required = true, paramLabel = "FILE.duckdb", description = "the warehouse file")
    Path db;

    @Mixin
    RunOptions run;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (!Files.isRegularFile(db)) {
            throw new EncoreException("Warehouse not found: " + db, "run `encore etl` first, or give the right --db file");
        }
        WarehouseSettings settings = run.settings(spec);
        long started = System.currentTimeMillis();
        boolean refreshed = RunOptions.cancellableByCtrlC(cancel -> {
            ConsoleProgress progress = new ConsoleProgress(spec.commandLine().getErr(), run.quiet);
            try (Warehouse w = Warehouse.openForWrite(db, settings)) {
                return new DashboardMarts(w).refresh(progress, cancel);
            }
        });
        if (!refreshed) {
            spec.commandLine().getErr().println("Cancelled: the marts are as they were");
            return 130;
        }
        double seconds = (System.currentTimeMillis() - started) / 1000.0;
        if (run.json) {
            java.util.Map<String, Object> summary = new java.util.LinkedHashMap<>();
            summary.put("database", db.toString());
            summary.put("seconds", seconds);
            try {
                spec.commandLine().getOut().println(new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(summary));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        } else {
            spec.commandLine().getOut().printf("Refreshed the dashboard marts of %s in %.1f s%n", db, seconds);
        }
        return 0;
    }
}
