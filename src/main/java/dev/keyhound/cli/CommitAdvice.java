package dev.keyhound.cli;

import dev.keyhound.report.ScanReport;
import java.io.PrintStream;

/**
 * The closing words of a blocked commit, on stderr after the report (which already gives, per
 * finding, the place, the provider and part, the redacted value, where to revoke it and how to mark
 * a false positive): what to do next, and the escape hatch.
 */
final class CommitAdvice {
    private CommitAdvice() {
    }

    static void print(ScanReport report, PrintStream err) {
        long live = report.findings().stream().filter(f -> f.suppression() == null).count();
        err.println();
        err.println("keyhound: commit blocked: " + live + " secret" + (live == 1 ? "" : "s") + " in the staged changes.");
        err.println("  Remove " + (live == 1 ? "it" : "them") + " from the change (git restore --staged FILE), rotate the key"
                + " where the report says, and keep the new one in the environment or a secrets manager.");
        err.println("  Not a secret? Add keyhound:allow in a comment on the line, or run: keyhound ignore FINGERPRINT");
        err.println("  To commit anyway: SKIP=keyhound git commit ... (pre-commit framework) or git commit --no-verify");
    }
}
