package dev.keyhound.source;

/**
 * Where a blob's bytes came from. {@code path} is the display path (repo-relative for git
 * sources, as given for files); rules with a {@code path} filter and path-based attribution read it.
 * For a history scan, where one blob may live at many paths, it is the first path the source saw.
 *
 * @param kind     which source produced the blob
 * @param path     display path, never null ("-" for stdin)
 * @param blobId   git blob id (hex), or null outside git
 * @param commitId the commit the blob is attributed to by a range or staged scan, or null
 */
public record Origin(Kind kind, String path, String blobId, String commitId) {
    public enum Kind { FILE, STDIN, GIT_HISTORY, GIT_STAGED, GIT_RANGE, GIT_WORKTREE }

    public static Origin file(String path) {
        return new Origin(Kind.FILE, path, null, null);
    }

    public static Origin stdin() {
        return new Origin(Kind.STDIN, "-", null, null);
    }
}
