package dev.keyhound.report;

import java.io.IOException;
import java.io.OutputStream;

/** One writer per format, each reading the same finding model. Redaction happens here. */
public interface ReportWriter {
    void write(ScanReport report, ReportOptions options, OutputStream out) throws IOException;

    /** OWNER: findings/report helper. */
    static ReportWriter of(ReportFormat format) {
        return switch (format) {
            case TEXT -> new TextReportWriter();
            case JSON -> new JsonReportWriter();
            case SARIF -> new SarifReportWriter();
        };
    }
}
