package dev.keyhound.corpus;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One credential planted in the corpus: its provider, its parts (part -> value), the situation
 * that should attribute it, and whether it must come out downgraded (testnet, closed exchange).
 */
record Planted(String provider, Map<String, String> parts, String situation, String path, String expectedNote) {
    Planted {
        parts = new LinkedHashMap<>(parts);
    }

    /** The value a report must show for the credential to count as found: its secret, else its key. */
    String primaryValue() {
        return parts.containsKey("secret") ? parts.get("secret") : parts.values().iterator().next();
    }
}
