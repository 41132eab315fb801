package dev.keyhound.cli;

import dev.keyhound.finding.Finding;
import dev.keyhound.finding.FindingPart;
import dev.keyhound.finding.Location;
import dev.keyhound.report.Redaction;
import dev.keyhound.report.ReportOptions;
import dev.keyhound.report.ReportWriter;
import dev.keyhound.report.ScanReport;
import dev.keyhound.report.ScanSummary;
import dev.keyhound.rules.ProviderInfo;
import dev.keyhound.rules.Revoke;
import dev.keyhound.rules.Rule;
import dev.keyhound.rules.RuleSet;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A GitHub job summary ($GITHUB_STEP_SUMMARY): one table row per finding (provider, part, file,
 * commit, redacted value, where to revoke) and the scan figures. Redacted like every report.
 */
final class MarkdownSummaryWriter implements ReportWriter {
    @Override
    public void write(ScanReport report, ReportOptions options, OutputStream out) throws IOException {
        Redaction redaction = Redaction.of(options);
        PrintWriter w = new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        ScanSummary s = report.summary();
        int shown = 0;
        for (Finding f : report.findings()) {
            if (f.suppression() == null || options.showSuppressed()) {
                shown++;
            }
        }
        w.println("## keyhound: " + (s.findings() == 0 ? "no leaked secrets"
                : s.findings() + " leaked secret" + (s.findings() == 1 ? "" : "s")));
        w.println();
        if (shown > 0) {
            w.println("| severity | exchange / provider | part | file | commit | value | revoke |");
            w.println("|---|---|---|---|---|---|---|");
            for (Finding f : report.findings()) {
                if (f.suppression() != null && !options.showSuppressed()) {
                    continue;
                }
                FindingPart p = f.primary();
                Location at = p.location();
                String commit = at.provenance() != null && at.provenance().commitId() != null
                        ? "`" + at.provenance().commitId().substring(0, Math.min(12, at.provenance().commitId().length())) + "`"
                        : "";
                String revoke = revokeUrl(report.rules(), f);
                w.println("| " + f.severity().label() + (f.suppression() != null ? " (suppressed: " + f.suppression() + ")" : "")
                        + " | " + cell(providerName(report.rules(), f.provider()))
                        + " | " + cell(partsOf(f))
                        + " | `" + cell(at.path()) + ":" + at.line() + "`"
                        + " | " + commit
                        + " | `" + cell(redaction.secret(p.secret())) + "`"
                        + " | " + (revoke == null ? "" : "[revoke](" + revoke + ")") + " |");
            }
            w.println();
        }
        w.println(String.format(Locale.ROOT,
                "Scanned %s (%s): %,d blobs, %.1f MB, %,d commits in %.1f s. Suppressed: %d.",
                cell(s.target()), s.mode(), s.blobs(), s.bytes() / (1024.0 * 1024.0), s.commits(),
                s.millis() / 1000.0, s.suppressed()));
        long skipped = s.skippedBinary() + s.skippedTooLarge() + s.skippedMissing() + s.unreadable();
        if (skipped > 0) {
            w.println();
            w.println(String.format(Locale.ROOT, "Skipped: %d binary, %d over the size limit, %d missing objects, %d unreadable.",
                    s.skippedBinary(), s.skippedTooLarge(), s.skippedMissing(), s.unreadable()));
        }
        for (String warning : s.warnings()) {
            w.println();
            w.println("> warning: " + cell(warning));
        }
        w.flush();
    }

    private static String partsOf(Finding f) {
        StringBuilder b = new StringBuilder();
        for (FindingPart p : f.parts()) {
            if (b.indexOf(p.part()) < 0) {
                b.append(b.length() == 0 ? "" : " + ").append(p.part());
            }
        }
        return b.toString();
    }

    private static String providerName(RuleSet rules, String provider) {
        return rules.provider(provider).map(ProviderInfo::name).filter(n -> n != null && !n.isBlank()).orElse(provider);
    }

    private static String revokeUrl(RuleSet rules, Finding f) {
        Revoke r = rules.byId(f.ruleId()).map(Rule::revoke).orElse(null);
        if (r != null && r.url() != null) {
            return r.url();
        }
        return rules.provider(f.provider()).map(ProviderInfo::revoke).map(Revoke::url).orElse(null);
    }

    /** Table cells must not break the table: pipes escaped, newlines flattened. */
    private static String cell(String text) {
        return text == null ? "" : text.replace("|", "\\|").replace('\n', ' ').replace('\r', ' ');
    }
}
