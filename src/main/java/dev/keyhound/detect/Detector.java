package dev.keyhound.detect;

import dev.keyhound.source.Blob;
import java.util.List;

/**
 * Pure function of (bytes, origin, rules) to credentials: no I/O, thread-safe. Lines outside
 * {@link Blob#reportLines()} are read for context but never reported.
 */
public interface Detector {
    List<Credential> detect(Blob blob);

    /**
     * False when nothing at this path is ever reported, whatever it holds (a path a global
     * allowlist exempts for every rule and commit): a source need not read it.
     */
    default boolean readsPath(String path) {
        return true;
    }
}
