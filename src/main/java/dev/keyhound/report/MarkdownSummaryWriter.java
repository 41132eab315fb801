package dev.keyhound.report;

import dev.keyhound.finding.Finding;
import dev.keyhound.finding.FindingPart;
import dev.keyhound.finding.Location;
import dev.keyhound.rules.Revoke;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * A GitHub job summary ($GITHUB_STEP_SUMMARY): one table row per finding (severity, provider, part,
 * file, commit, redacted value, where to revoke) and the scan figures. It reads the same model and
 * {@link Advice} as the other writers and redacts through {@link Redaction}. OWNER: cli helper
 * (the GitHub Action is its only user; it is not one of {@link ReportFormat}'s core formats).
 */
public final class MarkdownSummaryWriter implements ReportWriter {
    @Override
    public void write(ScanReport report, ReportOptions options, OutputStream out) throws IOException {
        Redaction redaction = Redaction.of(options);
        PrintWriter w = new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        ScanSummary s = report.summary();
        List<Finding> shown = Advice.visible(report, options);
        w.println("## keyhound: " + (s.findings() == 0 ? "no leaked secrets"
                : s.findings() + " leaked secret" + (s.findings() == 1 ? "" : "s")));
        w.println();
        if (!shown.isEmpty()) {
            w.println("| severity | exchange / provider | part | file | commit | value | revoke |");
            w.println("|---|---|---|---|---|---|---|");
            for (Finding f : shown) {
                FindingPart p = f.primary();
                Location at = p.location();
                String commit = at.provenance() == null ? null : Advice.shortCommit(at.provenance().commitId());
                Revoke revoke = Advice.revoke(report.rules(), f);
                w.println("| " + f.severity().label() + (f.suppression() == null ? "" : " (suppressed: " + f.suppression() + ")")
                        + " | " + cell(Advice.providerName(report.rules(), f.provider()))
                        + " | " + cell(Advice.partsLabel(f))
                        + " | `" + cell(at.path()) + ":" + at.line() + "`"
                        + " | " + (commit == null ? "" : "`" + commit + "`")
                        + " | `" + cell(redaction.secret(p.secret())) + "`"
                        + " | " + (revoke.url() == null ? "" : "[revoke](" + revoke.url() + ")") + " |");
            }
            w.println();
        }
        w.println(String.format(Locale.ROOT,
                "Scanned %s (%s): %,d blobs, %.1f MB, %,d commits in %.1f s. Suppressed: %d.",
                cell(s.target()), s.mode(), s.blobs(), s.bytes() / (1024.0 * 1024.0), s.commits(),
                s.millis() / 1000.0, s.suppressed()));
        if (s.skipped() > 0) {
            w.println();
            w.println(String.format(Locale.ROOT,
                    "Skipped: %d binary, %d over the size limit, %d missing objects, %d unreadable, %d at allowlisted paths.",
                    s.skippedBinary(), s.skippedTooLarge(), s.skippedMissing(), s.unreadable(), s.skippedAllowlisted()));
        }
        for (String warning : s.warnings()) {
            w.println();
            w.println("> warning: " + cell(warning));
        }
        w.flush();
    }

    /** Table cells must not break the table: pipes escaped, newlines flattened. */
    private static String cell(String text) {
        return text == null ? "" : text.replace("|", "\\|").replace('\n', ' ').replace('\r', ' ');
    }
}
