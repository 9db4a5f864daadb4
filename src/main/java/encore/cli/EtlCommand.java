package encore.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
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
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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

    @Option(names = "--marts", negatable = true, defaultValue = "true", fallbackValue = "true",
        description = "refresh the dashboard marts after the load (default: ${DEFAULT-VALUE}); with --no-marts the"
            + " dashboard reads songplays until the next refresh")
    boolean marts;

    @Mixin
    RunOptions run;

    @picocli.CommandLine.Mixin
    S3Options s3 = new S3Options();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        WarehouseSettings settings = run.settings(spec);
        return RunOptions.cancellableByCtrlC(cancel -> {
            ConsoleProgress progress = new ConsoleProgress(err, run.quiet);
            SourceLocation location = new InputResolver(s3.settings(), s3.cacheFolder(), progress, cancel)
                .resolve(input.root, input.folders == null ? null : input.folders.songs,
                    input.folders == null ? null : input.folders.logs);
            EtlJob job = new EtlJob(progress, cancel, settings);
            return (marts ? job : job.withoutMarts()).run(location, db);
        }, (summary, cancel) -> report(summary, cancel, out, err));
    }

    /** Prints the summary and returns the exit code: 0, or 3 when a check failed. */
    private int report(EtlSummary summary, Cancellation cancel, PrintWriter out, PrintWriter err) {
        try {
            if (run.json) {
                out.println(new ObjectMapper().writeValueAsString(summary));
            } else {
                printText(out, summary);
            }
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the summary as JSON", e);
        }
        out.flush();
        if (cancel.isCancelled()) {
            err.println("encore: Ctrl-C came after run " + summary.runId() + " had landed: the load is in the warehouse");
        }
        int code = EncoreCli.OK;
        if (!summary.checksPassed()) {
            err.println("encore: data-quality checks failed: " + summary.failedChecks().stream().map(CheckResult::name).toList());
            code = EncoreCli.CHECKS_FAILED;
        }
        err.flush();
        return code;
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
