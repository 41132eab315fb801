package dev.keyhound.report;

import java.util.List;

/**
 * The figures of one scan, as every report prints them.
 *
 * @param target         what was scanned ("history of /repo (12 refs)", "src/", "-")
 * @param mode           "files", "stdin", "history", "staged", "range", "worktree"
 * @param refs           refs walked (git) or 0
 * @param commits        commits walked (git) or 0
 * @param blobs          blobs or files scanned
 * @param bytes          bytes scanned
 * @param skippedBinary  skipped as binary
 * @param skippedTooLarge skipped over --max-file-size
 * @param skippedMissing git objects missing from the repository
 * @param unreadable     files or objects that could not be read
 * @param skippedAllowlisted files or blobs not read: their path is allowlisted (vendored code, lock files)
 * @param findings       findings reported (after ignore file and baseline)
 * @param suppressed     findings suppressed by inline allow, ignore file or baseline
 * @param unusedIgnores  ignore-file fingerprints that matched nothing
 * @param warnings       one-line problems (skipped files, shallow boundary, ...)
 * @param millis         wall time
 */
public record ScanSummary(String target, String mode, long refs, long commits, long blobs, long bytes,
                          long skippedBinary, long skippedTooLarge, long skippedMissing, long unreadable,
                          long skippedAllowlisted, int findings, int suppressed, List<String> unusedIgnores, List<String> warnings,
                          long millis) {
    public ScanSummary {
        unusedIgnores = List.copyOf(unusedIgnores);
        warnings = List.copyOf(warnings);
    }

    /** Everything not scanned, whatever the reason. */
    public long skipped() {
        return skippedBinary + skippedTooLarge + skippedMissing + unreadable + skippedAllowlisted;
    }
}
