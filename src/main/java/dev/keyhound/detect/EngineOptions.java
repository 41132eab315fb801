package dev.keyhound.detect;

/**
 * @param keepAllowed keep credentials covered by an inline allow comment, flagged {@link Credential#allowedInline()}
 * @param regexGate   ask Hyperscan before RE2/J reads a window ({@link HyperscanGate}): the same
 *                    findings, several times faster on large scans, at the cost of loading a native
 *                    library and compiling the rules it is asked about (tens of milliseconds each)
 */
public record EngineOptions(boolean keepAllowed, boolean regexGate) {
    public static final EngineOptions DEFAULT = new EngineOptions(false, false);
}
