package encore.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import encore.pipeline.EtlJob;
import encore.pipeline.EtlSummary;
import encore.pipeline.InputResolver;
import encore.source.SourceLocation;
import encore.task.Cancellation;
import encore.warehouse.CheckResult;
import encore.warehouse.WarehouseSettings;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code encore etl}: load song and log data into a DuckDB warehouse. */
@Command(name = "etl", mixinStandardHelpOptions = true,
    description = {"Load song and log JSON into a DuckDB star schema, then run the data-quality checks.",
        "Progress goes to stderr, the summary to stdout. Exit codes: 0 ok, 1 failed, 3 checks failed, 130 cancelled."})
final class EtlCommand implements Callable<Integer> {

    @ArgGroup(exclusive = true, multiplicity = "1")
    Input input;

    static final class Input {
        @Option(names = "--data", paramLabel = "ROOT", description = "a folder or s3://bucket/prefix holding song_data/ and log_data/")
        String root;

        @ArgGroup(exclusive = false)
        Folders folders;
    }

    static final class Folders {
        @Option(names = "--songs", paramLabel = "DIR", description = "the song_data folder (or s3://bucket/prefix)")
        String songs;

        @Option(names = "--logs", paramLabel = "DIR", description = "the log_data folder (or s3://bucket/prefix)")
        String logs;
    }

    @Option(names = "--db", required = true, paramLabel = "FILE.duckdb", description = "the warehouse file (created if missing)")
    Path db;

    @Option(names = "--json", description = "print the summary as one JSON object")
    boolean json;

    @Option(names = "--quiet", description = "print only warnings on stderr")
    boolean quiet;

    @Option(names = "--memory-limit", defaultValue = "1GB", paramLabel = "SIZE", description = "DuckDB memory limit (default: ${DEFAULT-VALUE})")
    String memoryLimit;

    @picocli.CommandLine.Mixin
    S3Options s3 = new S3Options();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!WarehouseSettings.isMemoryLimit(memoryLimit)) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                "--memory-limit: expected a size such as 512MB, 2GB or 50%, got '" + memoryLimit + "'");
        }
        Cancellation cancel = new Cancellation();
        ConsoleProgress progress = new ConsoleProgress(err, quiet);
        CountDownLatch finished = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            cancel.cancel();
            try {
                finished.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
            }
        }, "encore-cancel");
        Runtime.getRuntime().addShutdownHook(hook);
        EtlSummary summary;
        try {
            SourceLocation location = new InputResolver(s3.settings(), s3.cacheFolder(), progress, cancel)
                .resolve(input.root, input.folders == null ? null : input.folders.songs,
                    input.folders == null ? null : input.folders.logs);
            summary = new EtlJob(progress, cancel, new WarehouseSettings(memoryLimit, 0, null))
                .run(location, db);
        } finally {
            finished.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException ignored) {
                // already shutting down
            }
        }
        if (json) {
            out.println(new ObjectMapper().writeValueAsString(summary));
        } else {
            printText(out, summary);
        }
        out.flush();
        if (!summary.checksPassed()) {
            err.println("encore: data-quality checks failed: " + summary.failedChecks().stream().map(CheckResult::name).toList());
            return EncoreCli.CHECKS_FAILED;
        }
        return EncoreCli.OK;
    }

    static void printText(PrintWriter out, EtlSummary s) {
        out.printf("Loaded run %d into %s in %.1f s%n", s.runId(), s.database(), s.elapsedMillis() / 1000.0);
        out.printf("Input:    %,d song files, %,d log files (%s)%n", s.songFiles(), s.logFiles(),
            encore.source.Bytes.human(s.inputBytes()));
        out.printf("Staged:   %,d songs, %,d events%n", s.stagedSongs(), s.stagedEvents());
        out.printf("Rejected: %,d (%,d songs, %,d events) — see table rejected_records%n", s.rejected(), s.rejectedSongs(), s.rejectedEvents());
        out.printf("Plays:    %,d new, %,d matched to a song in total%n", s.newSongplays(), s.matchedSongplays());
        out.println("Tables:");
        for (Map.Entry<String, Long> e : s.tables().entrySet()) {
            out.printf("  %-17s %,12d%n", e.getKey(), e.getValue());
        }
        long passed = s.checks().stream().filter(CheckResult::passed).count();
        out.printf("Checks:   %d passed, %d failed%n", passed, s.checks().size() - passed);
        for (CheckResult c : s.checks()) {
            out.println("  " + c.describe());
        }
        StringBuilder steps = new StringBuilder();
        s.stepMillis().forEach((k, v) -> steps.append(steps.length() == 0 ? "" : ", ").append(k).append(' ')
            .append(String.format("%.2f s", v / 1000.0)));
        out.println("Time:     " + steps);
    }
}
