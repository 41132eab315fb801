package dev.keyhound.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PerThreadLruTest {

    @Test
    void keepsTheMostRecentlyUsedEntries() {
        Map<String, Integer> lru = PerThreadLru.<String, Integer>of(2).get();
        lru.put("a", 1);
        lru.put("b", 2);
        lru.get("a"); // now b is the eldest
        lru.put("c", 3);
        assertEquals(List.of("a", "c"), List.copyOf(lru.keySet()));
    }

    @Test
    void aWeighedMapDropsTheEldestUntilItsKeysFitTheBudget() {
        Map<String, Integer> lru = PerThreadLru.<String, Integer>of(10, String::length).get();
        lru.put("aaaa", 1);
        lru.put("bbb", 2);
        lru.put("cc", 3);
        lru.get("aaaa"); // bbb is now the eldest
        lru.put("dddd", 4); // 4 + 3 + 2 + 4 = 13: bbb goes (10 left), then the rest fit
        assertEquals(List.of("cc", "aaaa", "dddd"), List.copyOf(lru.keySet()));
        lru.put("dddd", 5); // a key already there weighs nothing more
        assertEquals(List.of("cc", "aaaa", "dddd"), List.copyOf(lru.keySet()));
        lru.put("eeeeeeeeee", 6); // alone fills the budget
        assertEquals(List.of("eeeeeeeeee"), List.copyOf(lru.keySet()));
        assertNull(lru.get("cc"));
    }

    @Test
    void eachThreadHasItsOwnMap() throws Exception {
        ThreadLocal<Map<String, Integer>> perThread = PerThreadLru.of(4);
        perThread.get().put("main", 1);
        Thread other = new Thread(() -> perThread.get().put("other", 2));
        other.start();
        other.join();
        assertEquals(List.of("main"), List.copyOf(perThread.get().keySet()));
    }
}
