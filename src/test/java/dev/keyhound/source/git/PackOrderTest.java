package dev.keyhound.source.git;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keyhound.source.git.HistoryWalk.BlobEntry;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.eclipse.jgit.lib.ObjectId;
import org.junit.jupiter.api.Test;

/**
 * Entries left to JGit are read in pack order, whatever their packs and offsets; the blobs a sink
 * does not want are dropped with the others still grouped by pack.
 */
class PackOrderTest {
    @Test
    void inPackOrderIsByPackThenOffset() {
        long seed = new SecureRandom().nextLong();
        Random random = new Random(seed);
        for (int round = 0; round < 200; round++) {
            List<BlobEntry> entries = new ArrayList<>();
            Set<Long> places = new HashSet<>();
            int n = random.nextInt(300);
            boolean loose = round % 3 == 0;
            boolean huge = round % 5 == 0;
            for (int i = 0; i < n; i++) {
                BlobEntry e = new BlobEntry(ObjectId.fromRaw(randomId(random)), "f" + i);
                if (loose && random.nextInt(4) == 0) {
                    entries.add(e); // a loose object: no pack, offset 0
                    continue;
                }
                e.pack = random.nextInt(4);
                e.offset = huge && random.nextInt(10) == 0 ? (1L << 41) + random.nextInt(1000) : 12 + random.nextInt(1 << 20);
                if (places.add((long) e.pack << 42 | e.offset)) {
                    entries.add(e);
                }
            }
            List<BlobEntry> expected = new ArrayList<>(entries);
            expected.sort(Comparator.<BlobEntry>comparingInt(e -> e.pack).thenComparingLong(e -> e.offset));
            assertEquals(expected, PackOrder.inPackOrder(entries), "seed " + seed + ", round " + round);
        }
    }

    @Test
    void keepingAskedOnManyThreadsKeepsTheOrderAndAsksEachBlobOnce() throws Exception {
        long seed = new SecureRandom().nextLong();
        Random random = new Random(seed);
        List<BlobEntry> grouped = new ArrayList<>();
        for (int i = 0; i < 9_000; i++) { // several hand-outs of paths
            BlobEntry e = new BlobEntry(ObjectId.fromRaw(randomId(random)), "dir" + random.nextInt(50) + "/f" + i);
            e.pack = i < 6_000 ? 0 : 1;
            grouped.add(e);
        }
        java.util.concurrent.ConcurrentHashMap<BlobEntry, Integer> asked = new java.util.concurrent.ConcurrentHashMap<>();
        java.util.function.Predicate<BlobEntry> wanted = e -> {
            asked.merge(e, 1, Integer::sum);
            return !e.path.startsWith("dir1"); // dir1/, dir10/ .. dir19/: about a fifth
        };
        List<BlobEntry> kept = new PackOrder.Placed(grouped).keeping(wanted, 3).grouped();
        assertEquals(grouped.stream().filter(e -> !e.path.startsWith("dir1")).toList(), kept, "seed " + seed);
        assertEquals(grouped.size(), asked.size());
        assertTrue(asked.values().stream().allMatch(n -> n == 1));
        assertEquals(6_000 - grouped.subList(0, 6_000).stream().filter(e -> e.path.startsWith("dir1")).count(),
                new PackOrder.Placed(kept).inPack(0).size());
    }

    private static byte[] randomId(Random random) {
        byte[] id = new byte[20];
        random.nextBytes(id);
        return id;
    }
}
