package dev.keyhound.cli;

import dev.keyhound.finding.Finding;
import dev.keyhound.rules.Severity;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine;

/**
 * The least severe finding that fails the run (exit 1). The default, LOW, lets INFO notes (public
 * documentation examples, testnet keys) pass while every real leak fails; NONE never fails.
 */
public record FailOn(Severity threshold) {
    public static final FailOn DEFAULT = new FailOn(Severity.LOW);

    public boolean fails(List<Finding> liveFindings) {
        return threshold != null && liveFindings.stream()
                .anyMatch(f -> f.suppression() == null && f.severity().compareTo(threshold) <= 0);
    }

    public static final class Converter implements CommandLine.ITypeConverter<FailOn> {
        @Override
        public FailOn convert(String value) {
            String v = value.trim().toLowerCase(Locale.ROOT);
            if (v.equals("none")) {
                return new FailOn(null);
            }
            try {
                return new FailOn(Severity.parse(v));
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(
                        "'" + value + "' is not a severity (critical, high, medium, low, info or none)");
            }
        }
    }
}
