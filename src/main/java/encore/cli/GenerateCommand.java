package encore.cli;

import encore.generate.DatasetGenerator;
import encore.generate.GeneratorSpec;
import encore.task.Cancellation;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code encore generate}: a synthetic dataset in the source layout. */
@Command(name = "generate", mixinStandardHelpOptions = true,
    description = "Write a synthetic Sparkify dataset (song_data/ and log_data/) in exactly the source layout.")
final class GenerateCommand implements Callable<Integer> {

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "the data root to write")
    Path out;

    @Option(names = "--songs", defaultValue = "1000", description = "song files (default: ${DEFAULT-VALUE})")
    int songs;

    @Option(names = "--days", defaultValue = "30", description = "days of logs (default: ${DEFAULT-VALUE})")
    int days;

    @Option(names = "--users", defaultValue = "100", description = "users (default: ${DEFAULT-VALUE})")
    int users;

    @Option(names = "--events-per-day", defaultValue = "1000", description = "events per day (default: ${DEFAULT-VALUE})")
    int eventsPerDay;

    @Option(names = "--seed", defaultValue = "1", description = "random seed (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--first-day", defaultValue = "2018-11-01", description = "first day of logs (default: ${DEFAULT-VALUE})")
    LocalDate firstDay;

    @Option(names = "--match-share", defaultValue = "0.3", description = "share of plays that match a catalog song (default: ${DEFAULT-VALUE})")
    double matchShare;

    @Option(names = "--quiet", description = "no progress on stderr")
    boolean quiet;

    @Option(names = "--force", description = "write into a folder that already holds song_data/ or log_data/ (files of the same name are replaced)")
    boolean force;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        long t0 = System.nanoTime();
        if (!force && (java.nio.file.Files.exists(out.resolve("song_data")) || java.nio.file.Files.exists(out.resolve("log_data")))) {
            throw new ParameterException(spec.commandLine(), out + " already holds song_data/ or log_data/; "
                + "choose an empty folder, or add --force to write into it");
        }
        GeneratorSpec gs;
        try {
            gs = new GeneratorSpec(out, songs, days, users, eventsPerDay, seed, firstDay, matchShare);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        DatasetGenerator.Result r = new DatasetGenerator(gs)
            .generate(new ConsoleProgress(spec.commandLine().getErr(), quiet), new Cancellation());
        spec.commandLine().getOut().printf("Wrote %,d song files and %,d log files (%,d events, %s) to %s in %.1f s%n",
            r.songFiles(), r.logFiles(), r.events(), encore.source.Bytes.human(r.bytes()), out,
            (System.nanoTime() - t0) / 1e9);
        return EncoreCli.OK;
    }
}
