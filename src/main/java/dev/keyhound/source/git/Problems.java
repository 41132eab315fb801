package dev.keyhound.source.git;

import dev.keyhound.source.ScanStats;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Reports broken objects without flooding the summary: the first few are named one per line,
 * the rest are only counted and summed up once at the end.
 */
final class Problems {
    private static final int NAMED = 10;

    private final ScanStats stats;
    private final AtomicInteger missing = new AtomicInteger();
    private final AtomicInteger unreadable = new AtomicInteger();

    Problems(ScanStats stats) {
        this.stats = stats;
    }

    void missing(String what) {
        stats.skippedMissing.incrementAndGet();
        if (missing.incrementAndGet() <= NAMED) {
            stats.warn("missing git object, skipped: " + what);
        }
    }

    void unreadable(String what, Exception cause) {
        stats.unreadable.incrementAndGet();
        if (unreadable.incrementAndGet() <= NAMED) {
            stats.warn("unreadable git object, skipped: " + what + " (" + cause.getMessage() + ")");
        }
    }

    /** Adds the "... and N more" line for problems past the named ones. */
    void summarize() {
        if (missing.get() > NAMED) {
            stats.warn("... and " + (missing.get() - NAMED) + " more missing git objects");
        }
        if (unreadable.get() > NAMED) {
            stats.warn("... and " + (unreadable.get() - NAMED) + " more unreadable git objects");
        }
    }
}
