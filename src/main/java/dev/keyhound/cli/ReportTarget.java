package dev.keyhound.cli;

import java.nio.file.Path;
import picocli.CommandLine;

/**
 * One report a scan writes: a format and a file, or standard output when path is null.
 * Written on the command line as FORMAT:PATH ("sarif:keyhound.sarif", "json:-").
 */
public record ReportTarget(OutputFormat format, Path path) {
    public boolean toStdout() {
        return path == null;
    }

    public static final class Converter implements CommandLine.ITypeConverter<ReportTarget> {
        @Override
        public ReportTarget convert(String value) {
            int colon = value.indexOf(':');
            if (colon <= 0 || colon == value.length() - 1) {
                throw new CommandLine.TypeConversionException(
                        "'" + value + "' is not FORMAT:PATH (example: sarif:keyhound.sarif)");
            }
            OutputFormat format = new OutputOptions.FormatConverter().convert(value.substring(0, colon));
            String file = value.substring(colon + 1);
            return new ReportTarget(format, file.equals("-") ? null : Path.of(file));
        }
    }
}
