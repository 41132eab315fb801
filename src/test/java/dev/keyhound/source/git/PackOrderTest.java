package dev.keyhound.source.git;

import static org.junit.jupiter.api.Assertions.assertEquals;

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

/** Entries left to JGit are read in pack order, whatever their packs and offsets. */
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

    private static byte[] randomId(Random random) {
        byte[] id = new byte[20];
        random.nextBytes(id);
        return id;
    }
}
