package dev.keyhound.source;

import java.io.IOException;

/**
 * The target the user named cannot be scanned: no such path, not a git repository, an unknown
 * revision or range. The CLI prints the message as one line and exits 2 (usage error); any other
 * IOException from a source is a failed scan (exit 3).
 */
public class BadTargetException extends IOException {
    public BadTargetException(String message) {
        super(message);
    }
}
