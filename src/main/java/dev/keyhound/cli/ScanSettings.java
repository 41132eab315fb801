package dev.keyhound.cli;

import java.nio.file.Path;

/**
 * How one scan treats its findings and talks while it runs.
 *
 * @param ignoreFile     the ignore file, or null for .keyhoundignore at the target's root
 * @param baseline       a previous report whose findings are not reported again, or null
 * @param showSuppressed keep suppressed findings in the reports, marked
 * @param progress       show the progress line on stderr
 */
public record ScanSettings(Path ignoreFile, Path baseline, boolean showSuppressed, boolean progress) {
    public static final String DEFAULT_IGNORE_FILE = ".keyhoundignore";
}
