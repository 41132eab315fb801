package dev.keyhound.cli;

import dev.keyhound.finding.Finding;
import dev.keyhound.finding.FindingPart;
import dev.keyhound.finding.Location;
import dev.keyhound.report.Redaction;
import dev.keyhound.report.ReportOptions;
import dev.keyhound.report.ScanReport;
import dev.keyhound.rules.ProviderInfo;
import dev.keyhound.rules.Revoke;
import dev.keyhound.rules.Rule;
import java.io.PrintStream;

/**
 * What a blocked commit tells the developer on stderr: each secret (where, what, redacted), how to
 * fix it, how to mark a false positive, and the escape hatch. Printed by `scan --staged` only.
 */
final class CommitAdvice {
    private CommitAdvice() {
    }

    static void print(ScanReport report, ReportOptions options, PrintStream err) {
        Redaction redaction = Redaction.of(options);
        long live = report.findings().stream().filter(f -> f.suppression() == null).count();
        err.println();
        err.println("keyhound: commit blocked: " + live + " secret" + (live == 1 ? "" : "s") + " in the staged changes");
        for (Finding f : report.findings()) {
            if (f.suppression() != null) {
                continue;
            }
            FindingPart p = f.primary();
            Location at = p.location();
            String provider = report.rules().provider(f.provider()).map(ProviderInfo::name).orElse(f.provider());
            err.println();
            err.println("  " + at.path() + ":" + at.line() + "  " + provider + " " + p.part() + "  "
                    + redaction.secret(p.secret()) + "  (" + f.severity().label() + ")");
            String url = revokeUrl(report, f);
            err.println("    fix: remove it from the change, rotate the key"
                    + (url == null ? " with its issuer" : " at " + url)
                    + ", and keep the new one in the environment or a secrets manager");
            err.println("    false positive: add keyhound:allow in a comment on that line, or run: keyhound ignore "
                    + f.fingerprint());
        }
        err.println();
        err.println("To commit anyway (the secret stays in history): SKIP=keyhound git commit ...  or  git commit --no-verify");
    }

    private static String revokeUrl(ScanReport report, Finding f) {
        Revoke r = report.rules().byId(f.ruleId()).map(Rule::revoke).orElse(null);
        if (r != null && r.url() != null) {
            return r.url();
        }
        return report.rules().provider(f.provider()).map(ProviderInfo::revoke).map(Revoke::url).orElse(null);
    }
}
