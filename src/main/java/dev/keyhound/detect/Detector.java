package dev.keyhound.detect;

import dev.keyhound.source.Blob;
import java.util.List;

/**
 * Pure function of (bytes, origin, rules) to credentials: no I/O, thread-safe. Lines outside
 * {@link Blob#reportLines()} are read for context but never reported.
 */
public interface Detector {
    List<Credential> detect(Blob blob);
}
