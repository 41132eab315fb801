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
 * Sorts blobs into the order they sit in the packs. Reading in pack order keeps JGit's delta-base
 * cache warm (a delta's base was usually just read); object-id order is about 2x slower
 * (performance.md §4). Loose objects, and everything when the store is not a file store, go last.
 */
final class PackOrder {
    private PackOrder() {
    }

    /** The packs as numbered in {@link BlobEntry#pack}, and all blobs sorted by (pack, offset). */
    record Placed(List<Pack> packs, List<BlobEntry> ordered) {
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

    static Placed sort(ObjectDatabase db, ObjectIdOwnerMap<BlobEntry> blobs) {
        List<Pack> packs = new ArrayList<>();
        List<BlobEntry> list = new ArrayList<>(blobs.size());
        for (BlobEntry e : blobs) {
            list.add(e);
        }
        if (db instanceof ObjectDirectory dir) {
            int packNo = 0;
            for (Pack pack : dir.getPacks()) {
                PackIndex index;
                try {
                    index = pack.getIndex();
                } catch (IOException e) {
                    continue; // a damaged index: its objects are read (or reported) by id instead
                }
                packs.add(pack);
                for (BlobEntry e : list) {
                    if (e.pack == Integer.MAX_VALUE) {
                        long offset = index.findOffset(e);
                        if (offset >= 0) {
                            e.pack = packNo;
                            e.offset = offset;
                        }
                    }
                }
                packNo++;
            }
        }
        list.sort(Comparator.<BlobEntry>comparingInt(e -> e.pack).thenComparingLong(e -> e.offset));
        return new Placed(packs, list);
    }
}
