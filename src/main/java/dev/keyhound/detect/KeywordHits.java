package dev.keyhound.detect;

import java.util.Arrays;

/**
 * Every keyword hit in a blob's bytes, kept with its {@link Detection} so that the hits of a blob
 * a git delta rebuilt from it can be derived instead of searched for: a hit lying inside one run
 * the delta copied is the base's hit moved with the run, and every other hit touches an inserted
 * byte or a seam between runs, so the prefilter reads only the bytes around those. The result is
 * the very set a search of the whole child finds.
 */
final class KeywordHits {
    /**
     * More hits than this are not kept (a detection is remembered per thread for every delta
     * chain under way): such a blob's children are searched whole.
     */
    static final int KEPT_MAX = 8192;

    /** The prefilter's hits, which nothing adds to once the search is done. */
    private final Engine.Hits hits;
    /**
     * (end << 32 | keyword), ascending: by end offset. Sorted only when a delta child first asks:
     * most blobs are no delta's base, and a directory or staged scan has no deltas at all.
     */
    private volatile long[] packed;

    private KeywordHits(Engine.Hits hits) {
        this.hits = hits;
    }

    /** The hits to keep, or null when there are too many. Offsets must be byte offsets. */
    static KeywordHits of(Engine.Hits hits) {
        return hits.total > KEPT_MAX ? null : new KeywordHits(hits);
    }

    private long[] packed() {
        long[] p = packed;
        if (p == null) {
            p = new long[hits.total];
            int n = 0;
            for (int k = 0; k < hits.counts.length; k++) {
                for (int j = 0; j < hits.counts[k]; j++) {
                    p[n++] = ((long) hits.ends[k][j] << 32) | k;
                }
            }
            Arrays.sort(p);
            packed = p;
        }
        return p;
    }

    /**
     * The hits of the child a delta rebuilt from this blob (copies as {@link
     * dev.keyhound.source.DeltaFrom#copies()}), into sink.
     */
    void inChild(byte[] child, int[] copies, KeywordPrefilter prefilter, Engine.Hits sink) {
        long[] packed = packed();
        int next = 0; // where the previous run's search ended
        for (int r = 0; r < copies.length; r += 3) {
            int to = copies[r];
            int from = copies[r + 1];
            int end = from + copies[r + 2];
            // Runs mostly copy the base in its own order: the search for each goes on from the
            // previous one's place, and starts over only for a run copied from further back.
            next = next > 0 && (int) (packed[next - 1] >>> 32) >= from + 1
                    ? firstEndingAtOrAfter(packed, from + 1, 0)
                    : firstEndingAtOrAfter(packed, from + 1, next);
            for (int h = next; h < packed.length; h++) {
                int hitEnd = (int) (packed[h] >>> 32);
                if (hitEnd > end) {
                    break;
                }
                int k = (int) packed[h];
                if (hitEnd - prefilter.keywordLength(k) >= from) {
                    sink.hit(k, hitEnd - from + to);
                }
            }
        }
        // The bytes outside the runs and each seam between runs: a hit there touches them.
        int[] changes = new int[copies.length / 3 * 2 + 2]; // a gap or seam before each run, and one after
        int n = 0;
        int runEnd = 0;
        for (int r = 0; r <= copies.length; r += 3) {
            int gapStart = runEnd;
            int gapEnd = r < copies.length ? copies[r] : child.length;
            if (gapEnd > gapStart || r > 0 && r < copies.length) {
                changes[n++] = gapStart;
                changes[n++] = gapEnd;
            }
            if (r < copies.length) {
                runEnd = copies[r] + copies[r + 2];
            }
        }
        // A hit that touches none lies inside one run: the base's, moved above.
        prefilter.scanAround(child, Arrays.copyOf(changes, n), sink);
    }

    /**
     * The first hit ending at or after offset, given that none before index from does: the range
     * is widened from there in doubling steps, then halved.
     */
    static int firstEndingAtOrAfter(long[] packed, int offset, int from) {
        int lo = from;
        int hi = from;
        for (int step = 1; hi < packed.length && (int) (packed[hi] >>> 32) < offset; step <<= 1) {
            lo = hi + 1;
            hi = Math.min(packed.length, hi + step);
        }
        hi = Math.min(hi, packed.length - 1);
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if ((int) (packed[mid] >>> 32) < offset) {
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }
}
