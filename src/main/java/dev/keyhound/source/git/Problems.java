package dev.keyhound.source.git;

import dev.keyhound.source.ScanStats;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Reports broken objects without flooding the summary: the first few are named one per line,
 * the rest are only counted and summed up once at the end. Skipped submodules likewise get one
 * line naming the first few.
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

    /** The one warning for gitlinks met in a scan: their content is another repository, not scanned. */
    static void submodules(Collection<String> paths, ScanStats stats) {
        if (!paths.isEmpty()) {
            List<String> names = List.copyOf(paths);
            stats.warn("submodules are not scanned: " + String.join(", ", names.subList(0, Math.min(5, names.size())))
                    + (names.size() > 5 ? " and " + (names.size() - 5) + " more" : ""));
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
