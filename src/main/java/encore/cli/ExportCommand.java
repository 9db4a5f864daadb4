package encore.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import encore.lake.LakeCompression;
import encore.lake.LakeDestination;
import encore.lake.LakeDestinations;
import encore.lake.LakeExport;
import encore.lake.LakeLayout;
import encore.lake.LakeManifest;
import encore.lake.LakeOptions;
import encore.lake.LakeSummary;
import encore.lake.PublishMode;
import encore.warehouse.WarehouseSettings;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code encore export}: the warehouse's star schema as a partitioned Parquet lake. */
@Command(name = "export", mixinStandardHelpOptions = true,
    description = {"Export the star schema to a partitioned Parquet data lake (Hive-style folders).",
        "The lake is written aside and published only when complete; a failed or cancelled export leaves the previous lake as it was.",
        "Exit codes: 0 ok, 1 failed, 130 cancelled."})
final class ExportCommand implements Callable<Integer> {

    enum Layout { compact, classic }

    enum Mode { overwrite, partitions }

    enum Compression { snappy, zstd }

    @Option(names = "--db", required = true, paramLabel = "FILE.duckdb", description = "the warehouse file")
    Path db;

    @Option(names = "--to", required = true, paramLabel = "DIR|s3://BUCKET/PREFIX", description = "where the lake goes")
    String to;

    @Option(names = "--layout", defaultValue = "compact",
        description = "songs layout: compact (by year, sorted by artist_id) or classic (by year and artist_id) (default: ${DEFAULT-VALUE})")
    Layout layout;

    @Option(names = "--mode", defaultValue = "overwrite",
        description = "overwrite the lake, or replace only the partitions this run holds (default: ${DEFAULT-VALUE})")
    Mode mode;

    @Option(names = "--compression", defaultValue = "snappy", description = "snappy or zstd (default: ${DEFAULT-VALUE})")
    Compression compression;

    @Mixin
    RunOptions run;

    @Mixin
    S3Options s3 = new S3Options();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        WarehouseSettings settings = run.settings(spec);
        LakeDestination destination = LakeDestinations.parse(to, s3.settings());
        LakeOptions options = new LakeOptions(LakeLayout.valueOf(layout.name().toUpperCase(Locale.ROOT)),
            PublishMode.valueOf(mode.name().toUpperCase(Locale.ROOT)),
            LakeCompression.valueOf(compression.name().toUpperCase(Locale.ROOT)));
        LakeSummary summary = RunOptions.cancellableByCtrlC(cancel ->
            new LakeExport(new ConsoleProgress(err, run.quiet), cancel, settings).run(db, destination, options));
        if (run.json) {
            out.println(new ObjectMapper().writeValueAsString(summary));
        } else {
            printText(out, summary);
        }
        out.flush();
        return EncoreCli.OK;
    }

    static void printText(PrintWriter out, LakeSummary s) {
        out.printf("Exported %s to %s in %.1f s (%s songs, %s, %s)%n", s.source(), s.destination(), s.elapsedMillis() / 1000.0,
            lower(s.options().layout()), lower(s.options().compression()), lower(s.options().mode()));
        out.printf("  %-10s %12s %10s %14s %16s%n", "table", "partitions", "files", "rows", "bytes");
        for (LakeManifest.Table t : s.tables()) {
            out.printf("  %-10s %,12d %,10d %,14d %,16d%n", t.name(), t.partitions(), t.files(), t.rows(), t.bytes());
        }
        out.printf("  %-10s %,12d %,10d %,14d %,16d%n", "total", s.partitions(), s.files(), s.rows(), s.bytes());
        if (s.writtenFiles() != s.files()) {
            out.printf("This run wrote %,d files; %,d were kept from the previous lake%n", s.writtenFiles(), s.files() - s.writtenFiles());
        }
    }

    private static String lower(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }
}
