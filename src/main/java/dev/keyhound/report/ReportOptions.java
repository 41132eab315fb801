package dev.keyhound.report;

/**
 * @param redact         hide secrets (default true; --no-redact turns it off)
 * @param color          ANSI colour in text output
 * @param verbose        text output: every location, not only the first few
 * @param showSuppressed include suppressed findings (SARIF: as suppressions)
 * @param toolVersion    keyhound's version
 */
public record ReportOptions(boolean redact, boolean color, boolean verbose, boolean showSuppressed, String toolVersion) {
}
