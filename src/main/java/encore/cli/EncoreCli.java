package encore.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code encore} command line: the same services the desktop app uses, headless. */
@Command(name = "encore", mixinStandardHelpOptions = true, versionProvider = Version.class,
    description = "Encore: ETL and exploration of music-streaming activity data.",
    subcommands = {EtlCommand.class, MartsCommand.class, QueryCommand.class, ExportCommand.class, GenerateCommand.class, CommandLine.HelpCommand.class})
public final class EncoreCli {

    /** Exit codes shared by all commands. */
    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;
    public static final int CHECKS_FAILED = 3;
    public static final int CANCELLED = 130;

    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new EncoreCli());
        cl.setExecutionExceptionHandler(new ErrorHandler());
        // a usage error: what is wrong and where the options are, not the whole usage text
        cl.setParameterExceptionHandler((e, args) -> {
            CommandLine at = e.getCommandLine();
            at.getErr().println("encore: " + e.getMessage().replaceFirst("^Error: ", ""));
            at.getErr().println("Run `" + at.getCommandSpec().qualifiedName() + " --help` for its options.");
            return USAGE;
        });
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        return cl;
    }

    public static int run(String... args) {
        return commandLine().execute(args);
    }

    /** The console launcher of the installed app: always the command line, never the desktop app. */
    public static void main(String[] args) {
        System.exit(run(args));
    }
}
