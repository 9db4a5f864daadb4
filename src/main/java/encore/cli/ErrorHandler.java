package encore.cli;

import encore.task.CancelledException;
import encore.task.EncoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/** Turns an exception into one line on stderr and an exit code; the stack trace goes to the log. */
final class ErrorHandler implements CommandLine.IExecutionExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ErrorHandler.class);

    @Override
    public int handleExecutionException(Exception ex, CommandLine cl, CommandLine.ParseResult parsed) {
        if (ex instanceof CancelledException) {
            cl.getErr().println("encore: cancelled; nothing was changed");
            return EncoreCli.CANCELLED;
        }
        LOG.debug("Command failed", ex);
        String line = ex instanceof EncoreException ee ? ee.oneLine()
            : ex.getClass().getSimpleName() + ": " + ex.getMessage();
        cl.getErr().println("encore: " + line);
        return EncoreCli.FAILED;
    }
}
