package dev.keyhound.detect;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A least-recently-used map per thread: what a history scan has just computed for one version of
 * a file, the next versions on the same thread ask for again, and scan threads share nothing.
 */
public final class PerThreadLru {
    private PerThreadLru() {
    }

    /** Maps, one per thread, that keep the capacity most recently used entries. */
    public static <K, V> ThreadLocal<Map<K, V>> of(int capacity) {
        return ThreadLocal.withInitial(() -> new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > capacity;
            }
        });
    }
}
