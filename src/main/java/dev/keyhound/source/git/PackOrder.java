package dev.keyhound.source.git;

import dev.keyhound.source.git.HistoryWalk.BlobEntry;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.eclipse.jgit.internal.storage.file.ObjectDirectory;
import org.eclipse.jgit.internal.storage.file.Pack;
import org.eclipse.jgit.internal.storage.file.PackIndex;
import org.eclipse.jgit.lib.ObjectDatabase;
import org.eclipse.jgit.lib.ObjectIdOwnerMap;

/**
 * Sorts blobs into the order they sit in the packs, the order both read paths want: the pack
 * walker resolves whole delta trees, and JGit's delta-base cache stays warm (object-id order is
 * about 2x slower, performance.md §4). Loose objects, and everything when the store is not a
 * file store, go last.
 */
final class PackOrder {
    private PackOrder() {
    }

    /** A pack whose index could be read, and that index. */
    record IndexedPack(Pack pack, PackIndex index) {
    }

    /** All blobs sorted by (pack, offset), packs numbered as in {@link BlobEntry#pack}. */
    record Placed(List<BlobEntry> ordered) {
        /** The blobs of pack number packNo: a contiguous run of the ordered list. */
        List<BlobEntry> inPack(int packNo) {
            int from = 0;
            while (from < ordered.size() && ordered.get(from).pack < packNo) {
                from++;
            }
            int to = from;
            while (to < ordered.size() && ordered.get(to).pack == packNo) {
                to++;
            }
            return ordered.subList(from, to);
        }
    }

    /** The local packs with a readable index; a damaged index leaves its objects to the JGit reader. */
    static List<IndexedPack> packs(ObjectDatabase db) {
        List<IndexedPack> packs = new ArrayList<>();
        if (db instanceof ObjectDirectory dir) {
            for (Pack pack : dir.getPacks()) {
                try {
                    packs.add(new IndexedPack(pack, pack.getIndex()));
                } catch (IOException e) {
                    // read (or reported missing) by id instead
                }
            }
        }
        return packs;
    }

    static Placed sort(List<IndexedPack> packs, ObjectIdOwnerMap<BlobEntry> blobs) {
        List<BlobEntry> list = new ArrayList<>(blobs.size());
        for (BlobEntry e : blobs) {
            list.add(e);
        }
        for (int packNo = 0; packNo < packs.size(); packNo++) {
            PackIndex index = packs.get(packNo).index();
            for (BlobEntry e : list) {
                if (e.pack == Integer.MAX_VALUE) {
                    long offset = index.findOffset(e);
                    if (offset >= 0) {
                        e.pack = packNo;
                        e.offset = offset;
                    }
                }
            }
        }
        list.sort(Comparator.<BlobEntry>comparingInt(e -> e.pack).thenComparingLong(e -> e.offset));
        return new Placed(list);
    }
}
