package dev.keyhound.finding;

import java.util.ArrayList;
import java.util.List;

/**
 * Applies the three ways a user silences a finding, in one place: an inline {@code keyhound:allow}
 * (already marked by the collector), the ignore file and the baseline. The CLI calls
 * {@link #apply} once between the collector and the report writer.
 */
public final class Suppressions {
    public static final String INLINE = "inline";
    public static final String IGNORE_FILE = "ignore-file";
    public static final String BASELINE = "baseline";

    private Suppressions() {
    }

    /**
     * @param findings   what is left to report, in report order
     * @param suppressed how many findings were silenced (kept in {@code findings} or not)
     */
    public record Outcome(List<Finding> findings, int suppressed) {
        public Outcome {
            findings = List.copyOf(findings);
        }
    }

    /**
     * Marks or drops suppressed findings. Every finding is checked against the ignore file, even one
     * already silenced inline or by the baseline, so {@link IgnoreFile#unused()} reports only
     * entries that truly matched nothing.
     *
     * @param ignore         the ignore file, or null
     * @param baseline       the baseline, or null
     * @param keepSuppressed keep silenced findings, marked (for --show-suppressed), instead of dropping them
     */
    public static Outcome apply(List<Finding> findings, IgnoreFile ignore, Baseline baseline, boolean keepSuppressed) {
        List<Finding> out = new ArrayList<>(findings.size());
        int suppressed = 0;
        for (Finding f : findings) {
            boolean ignored = ignore != null && ignore.ignores(f.fingerprint());
            String why = f.suppression() != null ? f.suppression()
                    : ignored ? IGNORE_FILE
                    : baseline != null && baseline.contains(f.fingerprint()) ? BASELINE
                    : null;
            if (why == null) {
                out.add(f);
                continue;
            }
            suppressed++;
            if (keepSuppressed) {
                out.add(with(f, why));
            }
        }
        return new Outcome(out, suppressed);
    }

    static Finding with(Finding f, String suppression) {
        return new Finding(f.fingerprint(), f.provider(), f.severity(), f.note(), f.parts(), f.seenAt(),
                f.seenCount(), f.stillInHead(), suppression);
    }
}
