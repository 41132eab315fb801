package dev.keyhound.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class KeywordHitsTest {
    private static final List<String> KEYWORDS = List.of("ab", "abc", "bca", "c", "cab_", "b-a");
    private static final KeywordPrefilter PREFILTER = new KeywordPrefilter(KEYWORDS);

    private static Engine.Hits scan(byte[] bytes) {
        Engine.Hits hits = new Engine.Hits(KEYWORDS.size());
        PREFILTER.scan(bytes, 0, bytes.length, hits);
        return hits;
    }

    private static TreeSet<String> set(Engine.Hits hits) {
        TreeSet<String> out = new TreeSet<>();
        for (int k = 0; k < hits.counts.length; k++) {
            for (int j = 0; j < hits.counts[k]; j++) {
                out.add(k + "@" + hits.ends[k][j]);
            }
        }
        return out;
    }

    private static byte[] random(Random rnd, int length) {
        String alphabet = "abcABC_-. \n";
        byte[] b = new byte[length];
        for (int i = 0; i < length; i++) {
            b[i] = (byte) alphabet.charAt(rnd.nextInt(alphabet.length()));
        }
        return b;
    }

    @Test
    void aDeltaChildsHitsAreExactlyWhatSearchingItWholeFinds() {
        Random rnd = new Random(7);
        for (int round = 0; round < 2000; round++) {
            byte[] base = random(rnd, rnd.nextInt(round % 3 == 0 ? 3000 : 200));
            // The child: runs copied from anywhere in the base (the same text twice, runs that
            // meet in the base too), with inserted bytes between some of them.
            List<Integer> copies = new ArrayList<>();
            java.io.ByteArrayOutputStream child = new java.io.ByteArrayOutputStream();
            int pieces = rnd.nextInt(8);
            int lastEnd = 0;
            for (int p = 0; p < pieces; p++) {
                if (rnd.nextBoolean()) {
                    child.writeBytes(random(rnd, 1 + rnd.nextInt(20)));
                }
                if (base.length == 0) {
                    continue;
                }
                int from = rnd.nextInt(4) == 0 ? Math.min(lastEnd, base.length - 1) : rnd.nextInt(base.length);
                int length = 1 + rnd.nextInt(base.length - from);
                copies.addAll(List.of(child.size(), from, length));
                child.write(base, from, length);
                lastEnd = from + length;
            }
            if (rnd.nextBoolean()) {
                child.writeBytes(random(rnd, rnd.nextInt(10)));
            }
            byte[] c = child.toByteArray();
            int[] runs = copies.stream().mapToInt(Integer::intValue).toArray();
            Engine.Hits derived = new Engine.Hits(KEYWORDS.size());
            KeywordHits.of(scan(base)).inChild(c, runs, PREFILTER, derived);
            assertEquals(set(scan(c)), set(derived), "round " + round + " runs " + Arrays.toString(runs));
            assertEquals(scan(c).total, derived.total, "each hit once, round " + round);
        }
    }

    @Test
    void theSearchForTheFirstHitEndingAtAnOffsetGoesOnFromAnyPlaceBeforeIt() {
        Random rnd = new Random(11);
        for (int round = 0; round < 3000; round++) {
            long[] packed = new long[rnd.nextInt(40)];
            int end = 0;
            for (int i = 0; i < packed.length; i++) {
                end += rnd.nextInt(3); // equal ends too: two keywords ending at one byte
                packed[i] = ((long) end << 32) | rnd.nextInt(5);
            }
            int offset = rnd.nextInt(end + 3);
            int expected = 0;
            while (expected < packed.length && (int) (packed[expected] >>> 32) < offset) {
                expected++;
            }
            int from = rnd.nextInt(expected + 1); // every hit before it ends before offset
            assertEquals(expected, KeywordHits.firstEndingAtOrAfter(packed, offset, from),
                    "offset " + offset + " from " + from + " in " + Arrays.toString(packed));
        }
    }

    @Test
    void tooManyHitsAreNotKept() {
        byte[] many = new byte[KeywordHits.KEPT_MAX + 1];
        Arrays.fill(many, (byte) 'c');
        assertNull(KeywordHits.of(scan(many)));
    }
}
