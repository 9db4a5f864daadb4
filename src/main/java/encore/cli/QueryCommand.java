package encore.cli;

import encore.lake.S3LakeMirror;
import encore.storage.s3.S3Clients;
import encore.storage.s3.S3Location;
import encore.warehouse.QueryResult;
import encore.warehouse.ReadOnlyQuery;
import encore.warehouse.WarehouseSettings;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code encore query}: one read-only SQL query against a warehouse. */
@Command(name = "query", mixinStandardHelpOptions = true,
    description = "Run one read-only SQL query against a warehouse and print the rows.")
final class QueryCommand implements Callable<Integer> {

    enum Format { table, csv, json }

    @Option(names = "--db", required = true, paramLabel = "FILE.duckdb|LAKE|s3://BUCKET/PREFIX",
        description = "the warehouse file, a lake folder, or a lake in S3 (mirrored into the cache first)")
    String db;

    @picocli.CommandLine.Mixin
    S3Options s3 = new S3Options();

    @Option(names = "--format", defaultValue = "table", description = "table, csv or json (default: ${DEFAULT-VALUE})")
    Format format;

    @Option(names = "--max-rows", defaultValue = "0", description = "stop after this many rows (0: all)")
    long maxRows;

    @Parameters(index = "0", paramLabel = "SQL", description = "the query")
    String sql;

    @Spec
    CommandSpec spec;

    /** The warehouse or lake to query; a lake in S3 is mirrored into the cache first. */
    private Path source() {
        if (!S3Location.isS3(db)) {
            return Path.of(db);
        }
        S3Location lake = S3Location.parse(db);
        ConsoleProgress progress = new ConsoleProgress(spec.commandLine().getErr(), false);
        try (S3Clients clients = new S3Clients(s3.settings())) {
            return RunOptions.cancellableByCtrlC(cancel -> S3LakeMirror.fetch(lake, clients, s3.cacheFolder(), progress, cancel));
        }
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (maxRows < 0) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--max-rows must be 0 (all) or more, got " + maxRows);
        }
        QueryResult result = ReadOnlyQuery.run(source(), WarehouseSettings.defaults(), sql, maxRows);
        switch (format) {
            case csv -> ResultFormats.csv(result, out);
            case json -> ResultFormats.json(result, out);
            default -> ResultFormats.table(result, out);
        }
        out.flush();
        return EncoreCli.OK;
    }
}
