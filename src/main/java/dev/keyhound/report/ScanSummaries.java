package dev.keyhound.report;

import dev.keyhound.finding.Finding;
import dev.keyhound.finding.IgnoreFile;
import dev.keyhound.finding.Suppressions;
import dev.keyhound.source.ScanStats;
import java.util.List;

/** Builds the {@link ScanSummary} of a finished scan from the source's counters and the suppression outcome. */
public final class ScanSummaries {
    private ScanSummaries() {
    }

    /**
     * Call after {@link Suppressions#apply}, so the ignore file knows which entries were used.
     *
     * @param target  what was scanned, for people ("history of /repo (12 refs)")
     * @param mode    "files", "stdin", "history", "staged", "range", "worktree" (also the SARIF category)
     * @param ignore  the ignore file used, or null
     */
    public static ScanSummary of(String target, String mode, ScanStats stats, Suppressions.Outcome outcome,
                                 IgnoreFile ignore, long millis) {
        int live = 0;
        for (Finding f : outcome.findings()) {
            if (f.suppression() == null) {
                live++;
            }
        }
        return new ScanSummary(target, mode, stats.refs.get(), stats.commits.get(), stats.blobsScanned.get(),
                stats.bytesScanned.get(), stats.skippedBinary.get(), stats.skippedTooLarge.get(),
                stats.skippedMissing.get(), stats.unreadable.get(), stats.skippedAllowlisted.get(), live, outcome.suppressed(),
                ignore == null ? List.of() : ignore.unused(), stats.warnings(), millis);
    }
}
