package encore.pipeline;

import encore.warehouse.CheckResult;
import java.util.List;
import java.util.Map;

/**
 * What one ETL run did: the input it found, rows per table afterwards, what it rejected, the
 * checks, and how long each step took.
 */
public record EtlSummary(
    long runId,
    String database,
    String input,
    long songFiles,
    long logFiles,
    long inputBytes,
    long stagedSongs,
    long stagedEvents,
    long rejectedSongs,
    long rejectedEvents,
    long newSongplays,
    long matchedSongplays,
    Map<String, Long> tables,
    List<CheckResult> checks,
    Map<String, Long> stepMillis,
    long elapsedMillis) {

    /** The same run with its step times and total time as they are now (after a later step). */
    public EtlSummary withSteps(Map<String, Long> steps, long elapsed) {
        return withChecks(checks, steps, elapsed);
    }

    /** The same run with the outcome of its checks, and its step times and total time as they are now. */
    public EtlSummary withChecks(List<CheckResult> results, Map<String, Long> steps, long elapsed) {
        return new EtlSummary(runId, database, input, songFiles, logFiles, inputBytes, stagedSongs, stagedEvents,
            rejectedSongs, rejectedEvents, newSongplays, matchedSongplays, tables, List.copyOf(results),
            java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(steps)), elapsed);
    }

    public long rejected() {
        return rejectedSongs + rejectedEvents;
    }

    public boolean checksPassed() {
        return checks.stream().allMatch(CheckResult::passed);
    }

    public List<CheckResult> failedChecks() {
        return checks.stream().filter(c -> !c.passed()).toList();
    }
}
