package dev.keyhound.finding;

import dev.keyhound.detect.Credential;
import dev.keyhound.source.Blob;
import java.util.List;

/**
 * Groups credentials from many blobs into findings by fingerprint (one secret in many blobs,
 * commits and paths is one finding). Thread-safe: sources call {@link #add} from many threads.
 * OWNER: findings helper.
 */
public final class FindingCollector {
    /** @param locationCap how many places per finding to keep (the count is always kept) */
    public FindingCollector(int locationCap) {
        throw new UnsupportedOperationException("not built yet");
    }

    public void add(Blob blob, List<Credential> credentials) {
        throw new UnsupportedOperationException("not built yet");
    }

    /**
     * The findings, sorted (severity, then path, line), with provenance and stillInHead filled in
     * from the lookup when one is given (git history and range scans), null otherwise.
     */
    public List<Finding> findings(ProvenanceLookup lookup) {
        throw new UnsupportedOperationException("not built yet");
    }
}
