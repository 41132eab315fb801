package dev.keyhound.finding;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Answers, after a history scan, where the blobs that produced findings came from. A git source
 * provides it; it runs only for blobs with findings, so a clean scan pays nothing.
 */
public interface ProvenanceLookup {
    /** For each blob id: the commits that introduced it at each path, oldest first. */
    Map<String, List<Provenance>> introductions(Set<String> blobIds);

    /** The blob ids present in HEAD's tree among those asked about. */
    Set<String> presentInHead(Set<String> blobIds);
}
