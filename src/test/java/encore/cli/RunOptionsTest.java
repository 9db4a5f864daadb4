package encore.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Ctrl-C (its signal, SIGINT, sent with {@code kill}) in a real child JVM: work that
 * stops on the cancel leaves the exit to the signal; work that finishes anyway (a load that had
 * already landed) is reported and exits with its own code.
 */
class RunOptionsTest {

    private record Outcome(int exitCode, List<String> lines) {
    }

    private static Outcome interrupt(String mode) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
            CtrlCProbe.class.getName(), mode).redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        List<String> lines = new ArrayList<>();
        String first = out.readLine();
        lines.add(first);
        assertThat(first).isEqualTo("working");
        // Ctrl-C's signal: the JVM shuts down, running the shutdown hooks
        Process kill = new ProcessBuilder("kill", "-INT", Long.toString(p.pid())).inheritIO().start();
        assertThat(kill.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(kill.exitValue()).isZero();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        String line;
        while ((line = out.readLine()) != null) {
            lines.add(line);
        }
        return new Outcome(p.exitValue(), lines);
    }

    @Test
    void work_that_finishes_after_the_signal_is_reported_and_exits_with_its_own_code() throws Exception {
        Outcome o = interrupt("finish");
        assertThat(o.lines()).contains("report: landed, cancelled true");
        assertThat(o.exitCode()).isEqualTo(3);
    }

    @Test
    void work_that_stops_on_the_signal_exits_as_the_signal_says() throws Exception {
        Outcome o = interrupt("stop");
        assertThat(o.lines()).noneMatch(l -> l.startsWith("report"));
        assertThat(o.exitCode()).isEqualTo(EncoreCli.CANCELLED);
    }
}
