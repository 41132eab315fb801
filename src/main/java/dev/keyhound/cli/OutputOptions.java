package dev.keyhound.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** How a scan reports: formats and files, redaction, colour, verbosity and what fails the run. */
public final class OutputOptions {
    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", converter = FormatConverter.class,
            description = "Format of the main report: text (default), json, sarif or markdown.")
    OutputFormat format = OutputFormat.TEXT;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the main report to FILE instead of standard output.")
    Path output;

    @Option(names = "--report", paramLabel = "FORMAT:PATH", converter = ReportTarget.Converter.class,
            description = "Also write a report in FORMAT to PATH (repeatable; PATH '-' is standard output). "
                    + "Example: --report sarif:keyhound.sarif --report json:keyhound.json")
    List<ReportTarget> extraReports = new ArrayList<>();

    @Option(names = "--no-redact", description = "Show secrets in full in every report (default: redacted).")
    boolean noRedact;

    @Option(names = "--show-suppressed", description = "Also report findings suppressed inline, by the ignore file or by the baseline (marked as such).")
    boolean showSuppressed;

    @Option(names = "--fail-on", paramLabel = "SEVERITY", converter = FailOn.Converter.class,
            description = "Exit 1 when a finding is at least this severe: critical, high, medium, low (default) or info; none never fails.")
    FailOn failOn = FailOn.DEFAULT;

    @Option(names = {"-q", "--quiet"}, description = "No progress and no summary on standard error.")
    boolean quiet;

    @Option(names = {"-v", "--verbose"}, description = "Every location of each finding, and the stack trace of an error.")
    boolean verbose;

    @Option(names = "--no-color", description = "No ANSI colour (colour is used only when writing to a terminal; NO_COLOR is honoured too).")
    boolean noColor;

    /** Every report of the run: the main one first, then the --report ones. */
    public List<ReportTarget> reports() {
        List<ReportTarget> all = new ArrayList<>();
        all.add(new ReportTarget(format, output == null || output.toString().equals("-") ? null : output));
        all.addAll(extraReports);
        long toStdout = all.stream().filter(ReportTarget::toStdout).count();
        if (toStdout > 1) {
            throw new UsageException("only one report can go to standard output; give the others a file");
        }
        return all;
    }

    public static final class FormatConverter implements picocli.CommandLine.ITypeConverter<OutputFormat> {
        @Override
        public OutputFormat convert(String value) {
            try {
                return OutputFormat.parse(value);
            } catch (UsageException e) {
                throw new picocli.CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }
}
