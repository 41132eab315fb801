package dev.keyhound.source.git;

import dev.keyhound.source.Parallel;
import dev.keyhound.source.git.HistoryWalk.BlobEntry;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.eclipse.jgit.internal.storage.file.ObjectDirectory;
import org.eclipse.jgit.internal.storage.file.Pack;
import org.eclipse.jgit.internal.storage.file.PackIndex;
import org.eclipse.jgit.lib.ObjectDatabase;
import org.eclipse.jgit.lib.ObjectIdOwnerMap;

/**
 * Places blobs in the packs that hold them, for the order both read paths want, the order they
 * sit in the packs: the pack walker resolves whole delta trees, and JGit's delta-base cache stays
 * warm (object-id order is about 2x slower, performance.md §4). Loose objects, and everything
 * when the store is not a file store, go last.
 */
final class PackOrder {
    private PackOrder() {
    }

    /**
     * A pack whose index could be read, that index, and the pack file mapped read-only (null when
     * it cannot be: 2 GiB or larger, unreadable; JGit then reads its objects). Mapped once, for
     * every reader of the scan and its threads: they read it at absolute positions only.
     */
    record IndexedPack(Pack pack, PackIndex index, ByteBuffer bytes) {
    }

    /** All blobs grouped by pack, packs numbered as in {@link BlobEntry#pack}. */
    record Placed(List<BlobEntry> grouped) {
        /** The blobs of pack number packNo: a contiguous run of the list. */
        List<BlobEntry> inPack(int packNo) {
            int from = 0;
            while (from < grouped.size() && grouped.get(from).pack < packNo) {
                from++;
            }
            int to = from;
            while (to < grouped.size() && grouped.get(to).pack == packNo) {
                to++;
            }
            return grouped.subList(from, to);
        }

        /**
         * The blobs that pass, still grouped (in the same order), asked on the given number of
         * threads: the sink's question runs the allowlists' path regexes once per path, and RE2/J
         * took 250 ms of one core for hummingbot's 71,000 paths while the other core had nothing
         * to do.
         */
        Placed keeping(java.util.function.Predicate<BlobEntry> wanted, int threads) throws IOException {
            boolean[] kept = new boolean[grouped.size()];
            List<Integer> indexes = java.util.stream.IntStream.range(0, kept.length).boxed().toList();
            Parallel.forEach(indexes, threads, KEEPING_CHUNK, () -> i -> kept[i] = wanted.test(grouped.get(i)));
            List<BlobEntry> out = new ArrayList<>();
            for (int i = 0; i < kept.length; i++) {
                if (kept[i]) {
                    out.add(grouped.get(i));
                }
            }
            return new Placed(out);
        }

        /** Paths asked per hand-out: a vendored tree's paths come together and cost the most. */
        private static final int KEEPING_CHUNK = 2048;
    }

    /** The local packs with a readable index; a damaged index leaves its objects to the JGit reader. */
    static List<IndexedPack> packs(ObjectDatabase db) {
        List<IndexedPack> packs = new ArrayList<>();
        if (db instanceof ObjectDirectory dir) {
            for (Pack pack : dir.getPacks()) {
                try {
                    packs.add(new IndexedPack(pack, pack.getIndex(), map(pack.getPackFile().toPath())));
                } catch (IOException e) {
                    // read (or reported missing) by id instead
                }
            }
        }
        return packs;
    }

    private static MappedByteBuffer map(Path packFile) {
        try (FileChannel ch = FileChannel.open(packFile, StandardOpenOption.READ)) {
            long length = ch.size();
            return length >= Integer.MAX_VALUE || length < 32 ? null : ch.map(FileChannel.MapMode.READ_ONLY, 0, length);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /**
     * All blobs placed in their packs, grouped by pack (packs in order, loose objects last). Within
     * a pack they are in no particular order: the pack walker finds each one's place itself, and
     * what it leaves to JGit is put in pack order by {@link #inPackOrder}.
     */
    static Placed place(List<IndexedPack> packs, ObjectIdOwnerMap<BlobEntry> blobs) {
        // Each index is read in its own order and its ids looked up in the walk's map: a binary
        // search of the index per blob (a cache miss at each step), then a sort of all blobs by
        // place, took 175 ms of the main thread before any blob was read (hummingbot; 70 ms now).
        int[] perPack = new int[packs.size() + 1];
        for (int packNo = 0; packNo < packs.size(); packNo++) {
            for (PackIndex.MutableEntry entry : packs.get(packNo).index()) {
                BlobEntry e = blobs.get(entry.toObjectId());
                if (e != null && e.pack == Integer.MAX_VALUE) {
                    e.pack = packNo;
                    e.offset = entry.getOffset();
                    perPack[packNo]++;
                }
            }
        }
        int[] next = new int[perPack.length];
        for (int p = 1; p < next.length; p++) {
            next[p] = next[p - 1] + perPack[p - 1];
        }
        BlobEntry[] grouped = new BlobEntry[blobs.size()];
        for (BlobEntry e : blobs) {
            grouped[next[Math.min(e.pack, packs.size())]++] = e;
        }
        return new Placed(Arrays.asList(grouped));
    }

    /**
     * Entries sorted by (pack, offset), the order in which JGit's delta-base cache serves them
     * best. Each place is one object's, so the places, as numbers, sort on their own and each
     * entry finds its rank in them (a comparator sort of 128,000 entries took 100 ms).
     */
    static List<BlobEntry> inPackOrder(List<BlobEntry> entries) {
        long[] keys = new long[entries.size()];
        for (int i = 0; i < keys.length; i++) {
            BlobEntry e = entries.get(i);
            if (e.pack == Integer.MAX_VALUE || e.pack >= 1 << 23 || e.offset >= 1L << 40) {
                List<BlobEntry> sorted = new ArrayList<>(entries);
                sorted.sort(Comparator.<BlobEntry>comparingInt(x -> x.pack).thenComparingLong(x -> x.offset));
                return sorted;
            }
            keys[i] = place(e);
        }
        Arrays.sort(keys);
        BlobEntry[] sorted = new BlobEntry[keys.length];
        for (BlobEntry e : entries) {
            sorted[Arrays.binarySearch(keys, place(e))] = e;
        }
        return Arrays.asList(sorted);
    }

    private static long place(BlobEntry e) {
        return (long) e.pack << 40 | e.offset;
    }
}
