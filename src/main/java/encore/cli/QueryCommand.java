package encore.cli;

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

    @Option(names = "--db", required = true, paramLabel = "FILE.duckdb", description = "the warehouse file")
    Path db;

    @Option(names = "--format", defaultValue = "table", description = "table, csv or json (default: ${DEFAULT-VALUE})")
    Format format;

    @Option(names = "--max-rows", defaultValue = "0", description = "stop after this many rows (0: all)")
    long maxRows;

    @Parameters(index = "0", paramLabel = "SQL", description = "the query")
    String sql;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (maxRows < 0) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--max-rows must be 0 (all) or more, got " + maxRows);
        }
        QueryResult result = ReadOnlyQuery.run(db, WarehouseSettings.defaults(), sql, maxRows);
        switch (format) {
            case csv -> ResultFormats.csv(result, out);
            case json -> ResultFormats.json(result, out);
            default -> ResultFormats.table(result, out);
        }
        out.flush();
        return EncoreCli.OK;
    }
}
