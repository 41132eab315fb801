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

    /**
     * Maps, one per thread, that keep the most recently used entries whose keys weigh (chars, say)
     * at most budget in all: a thread's memory is bounded whatever the size of what it meets.
     * Only put and get are meant to be used.
     */
    public static <K, V> ThreadLocal<Map<K, V>> of(long budget, java.util.function.ToLongFunction<K> weight) {
        return ThreadLocal.withInitial(() -> new LinkedHashMap<>(256, 0.75f, true) {
            private long total;

            @Override
            public V put(K key, V value) {
                V old = super.put(key, value);
                if (old == null) {
                    total += weight.applyAsLong(key);
                    var eldest = entrySet().iterator();
                    while (total > budget && eldest.hasNext()) {
                        total -= weight.applyAsLong(eldest.next().getKey());
                        eldest.remove();
                    }
                }
                return old;
            }
        });
    }
}
