package encore.cli;

import encore.task.CancelledException;

/**
 * A process for {@link RunOptionsTest}: its work waits for the cancel that the JVM's shutdown
 * (Ctrl-C, or a SIGTERM) fires, then either finishes anyway ({@code finish}: as a load that has
 * landed does) or stops ({@code stop}), and its report returns exit code 3.
 */
final class CtrlCProbe {

    private CtrlCProbe() {
    }

    public static void main(String[] args) {
        boolean finish = args[0].equals("finish");
        int code = RunOptions.cancellableByCtrlC(cancel -> {
            System.out.println("working");
            System.out.flush();
            while (!cancel.isCancelled()) {
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return "interrupted";
                }
            }
            if (!finish) {
                throw new CancelledException();
            }
            return "landed";
        }, (result, cancel) -> {
            System.out.println("report: " + result + ", cancelled " + cancel.isCancelled());
            return 3;
        });
        System.exit(code);
    }
}
