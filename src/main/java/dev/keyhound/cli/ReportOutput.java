package dev.keyhound.cli;

import dev.keyhound.report.ReportOptions;
import dev.keyhound.report.ScanReport;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Writes every report a scan asked for, each to its file or to standard output. */
final class ReportOutput {
    private ReportOutput() {
    }

    static void writeAll(ScanReport report, List<ReportTarget> targets, OutputOptions options, Io io)
            throws IOException {
        String version = Version.current();
        for (ReportTarget target : targets) {
            boolean color = target.toStdout() && target.format() == OutputFormat.TEXT && !options.noColor
                    && System.getenv("NO_COLOR") == null && io.interactive();
            ReportOptions ro = new ReportOptions(!options.noRedact, color, options.verbose,
                    options.showSuppressed, version);
            if (target.toStdout()) {
                target.format().writer().write(report, ro, io.out());
                io.out().flush();
            } else {
                write(report, target, ro);
            }
        }
    }

    private static void write(ScanReport report, ReportTarget target, ReportOptions ro) throws IOException {
        Path file = target.path();
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file))) {
            target.format().writer().write(report, ro, out);
        }
    }
}
