package dev.keyhound.finding;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * .keyhoundignore: one fingerprint per line, '#' comments, optional trailing "# reason".
 * OWNER: findings helper.
 */
public final class IgnoreFile {
    /** An absent file is an empty ignore file. A malformed line is a one-line IOException naming file and line. */
    public static IgnoreFile load(Path file) throws IOException {
        throw new UnsupportedOperationException("not built yet");
    }

    public static IgnoreFile empty() {
        throw new UnsupportedOperationException("not built yet");
    }

    /** True when the fingerprint is listed; records the use for {@link #unused()}. Thread-safe. */
    public boolean ignores(String fingerprint) {
        throw new UnsupportedOperationException("not built yet");
    }

    /** Entries that matched nothing during this scan. */
    public List<String> unused() {
        throw new UnsupportedOperationException("not built yet");
    }

    /** Appends an entry (creating the file), unless already present; returns false when it was. */
    public static boolean append(Path file, String fingerprint, String reason) throws IOException {
        throw new UnsupportedOperationException("not built yet");
    }
}
