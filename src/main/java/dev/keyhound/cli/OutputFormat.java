package dev.keyhound.cli;

import dev.keyhound.report.MarkdownSummaryWriter;
import dev.keyhound.report.ReportFormat;
import dev.keyhound.report.ReportWriter;
import java.util.Locale;

/** The formats a scan can write: the report package's three, plus a Markdown summary for CI job pages. */
public enum OutputFormat {
    TEXT, JSON, SARIF, MARKDOWN;

    public ReportWriter writer() {
        return this == MARKDOWN ? new MarkdownSummaryWriter() : ReportWriter.of(ReportFormat.valueOf(name()));
    }

    public static OutputFormat parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new UsageException("unknown format '" + text + "' (expected text, json, sarif or markdown)");
        }
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
