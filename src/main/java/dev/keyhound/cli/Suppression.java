package dev.keyhound.cli;

import dev.keyhound.finding.Baseline;
import dev.keyhound.finding.Finding;
import dev.keyhound.finding.IgnoreFile;

/** Marks a finding suppressed, in order: inline allow (set by detection), the ignore file, the baseline. */
final class Suppression {
    static final String IGNORE_FILE = "ignore-file";
    static final String BASELINE = "baseline";

    private Suppression() {
    }

    static Finding apply(Finding f, IgnoreFile ignore, Baseline baseline) {
        // Asked even for inline-allowed findings, so an entry that matches one is not reported unused.
        boolean ignored = ignore.ignores(f.fingerprint());
        if (f.suppression() != null) {
            return f;
        }
        if (ignored) {
            return mark(f, IGNORE_FILE);
        }
        if (baseline != null && baseline.contains(f.fingerprint())) {
            return mark(f, BASELINE);
        }
        return f;
    }

    static Finding mark(Finding f, String why) {
        return new Finding(f.fingerprint(), f.provider(), f.severity(), f.note(), f.parts(), f.seenAt(),
                f.seenCount(), f.stillInHead(), why);
    }
}
