package dev.keyhound.source.git;

import dev.keyhound.source.Content;
import dev.keyhound.source.git.HistoryWalk.BlobEntry;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import java.util.zip.DataFormatException;
import org.eclipse.jgit.internal.storage.file.PackIndex;

/**
 * Reads the wanted blobs of one pack the way {@code git index-pack} resolves it: every object is
 * inflated once and every delta applied once, walking each delta tree depth-first from its
 * whole (non-delta) base. JGit's reader instead re-resolves delta chains from a small cache and
 * reads at about a third of this speed (performance.md §3, §7.2).
 *
 * <p>Only trees rooted at a whole blob are walked (deltas never change an object's type), so
 * commits and trees cost nothing but their header. Whatever this walker cannot do is left
 * undone for the caller's JGit path, which also reports problems: objects in packs of 2 GiB or
 * more, a delta whose base is outside the pack, a base larger than the in-memory cap, or data
 * that fails to inflate.
 */
final class PackWalker {
    /** Receives each resolved wanted blob; called from the worker threads. */
    interface Receiver {
        /**
         * @param base   the delivered blob this one was rebuilt from by a delta, or null (a whole
         *               object, or a base that is not a wanted blob)
         * @param copies the delta's copy runs from base ({@link Delta.Copies} triples), or null
         */
        void blob(BlobEntry entry, byte[] content, BlobEntry base, int[] copies);

        /** A blob that was not resolved at all: binary (by its first bytes) or over the size cap. */
        void skipped(BlobEntry entry, boolean binary);
    }

    private static final int OBJ_BLOB = PackObjectHeader.OBJ_BLOB;
    /** The size from which a lone blob's first bytes are inflated alone to see whether it is binary. */
    static final long PROBED_FROM = 4L * Content.BINARY_PROBE;

    private final ByteBuffer pack;
    private final int trailerStart;
    private final long[] offsets;      // every object in the pack, ascending
    private final int[] dataStart;     // where the compressed data starts (after header and base ref)
    private final byte[] types;
    private final long[] inflatedSize; // whole object: its size; delta: the delta stream's size
    private final int[] childStart;    // CSR delta children: childList[childStart[i] .. childStart[i+1])
    private final int[] childList;
    private final int[] base;          // index of the delta base, or -1 for a whole object
    private BlobEntry[] wanted;        // set by want(), before any walk
    private boolean[] needed;          // a wanted blob, or on the delta chain of one
    private int[] roots;               // whole blobs with at least one wanted object in their tree
    private final long maxResolve;

    private PackWalker(ByteBuffer pack, long[] offsets, PackIndex index, long maxResolve) throws IOException {
        this.pack = pack;
        this.trailerStart = pack.limit() - 20;
        this.offsets = offsets;
        this.maxResolve = maxResolve;
        int n = offsets.length;
        dataStart = new int[n];
        types = new byte[n];
        inflatedSize = new long[n];
        base = new int[n];
        int[] childCount = new int[n + 1];
        for (int i = 0; i < n; i++) {
            PackObjectHeader header = PackObjectHeader.at(pack, offsets[i], index);
            // a base outside this pack (-1): the JGit path resolves the delta
            base[i] = header.baseOffset() < 0 ? -1 : Math.max(-1, Arrays.binarySearch(offsets, header.baseOffset()));
            types[i] = (byte) header.type();
            inflatedSize[i] = header.size();
            dataStart[i] = header.dataStart();
            if (base[i] >= 0) {
                childCount[base[i]]++;
            }
        }
        childStart = new int[n + 1];
        for (int i = 0; i < n; i++) {
            childStart[i + 1] = childStart[i] + childCount[i];
        }
        childList = new int[childStart[n]];
        int[] fill = Arrays.copyOf(childStart, n);
        for (int i = 0; i < n; i++) {
            if (base[i] >= 0) {
                childList[fill[base[i]]++] = i;
            }
        }
    }

    /**
     * Names the blobs to deliver (their offsets set by {@link PackOrder}); called once, before
     * measuring and walking. Only delta trees that hold one of them are ever inflated.
     */
    void want(List<BlobEntry> entries) {
        int n = offsets.length;
        wanted = new BlobEntry[n];
        for (BlobEntry e : entries) {
            int at = Arrays.binarySearch(offsets, e.offset);
            if (at >= 0) {
                wanted[at] = e;
            }
        }
        needed = new boolean[n];
        for (int i = 0; i < n; i++) {
            // Mark each wanted blob's chain up to its root, stopping where another chain joined.
            for (int j = wanted[i] != null ? i : -1; j >= 0 && !needed[j]; j = base[j]) {
                needed[j] = true;
            }
        }
        roots = IntStream.range(0, n).filter(i -> needed[i] && base[i] < 0 && types[i] == OBJ_BLOB).toArray();
    }

    /**
     * Parses every object header of the pack. Returns null when the pack cannot be walked here
     * (not mapped: 2 GiB or larger, unreadable); its blobs then go the JGit way.
     */
    static PackWalker open(PackOrder.IndexedPack pack, long maxResolve) {
        if (pack.bytes() == null) {
            return null;
        }
        try {
            PackIndex index = pack.index();
            long count = index.getObjectCount();
            long[] offsets = new long[(int) count];
            for (int i = 0; i < count; i++) {
                offsets[i] = index.getOffset(i);
            }
            Arrays.sort(offsets);
            return new PackWalker(pack.bytes(), offsets, index, maxResolve);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Roots in pack order, for splitting the work across threads. */
    List<Integer> roots() {
        return Arrays.stream(roots).boxed().toList();
    }

    /** The size each wanted blob will have, from its header (whole) or its delta header (delta). */
    void measure(ObjectInflater inflater, int root) {
        int[] stack = new int[64];
        int top = 0;
        stack[top++] = root;
        byte[] head = new byte[20];
        while (top > 0) {
            int i = stack[--top];
            BlobEntry e = wanted[i];
            if (e != null && e.size < 0) {
                if (types[i] == OBJ_BLOB) {
                    e.size = inflatedSize[i];
                } else {
                    try {
                        int got = inflatePrefix(inflater, i, head, (int) Math.min(20, inflatedSize[i]));
                        int[] p = {0};
                        readVarint(head, p, got);
                        e.size = readVarint(head, p, got);
                    } catch (DataFormatException ex) {
                        e.size = -1;
                    }
                }
            }
            for (int c = childStart[i]; c < childStart[i + 1]; c++) {
                if (needed[childList[c]]) {
                    if (top == stack.length) {
                        stack = Arrays.copyOf(stack, top * 2);
                    }
                    stack[top++] = childList[c];
                }
            }
        }
    }

    /**
     * Resolves one root's delta tree depth-first and hands each wanted blob to the receiver. A
     * lone root over maxDeliver bytes, or binary by its first bytes, is reported skipped without
     * being inflated. Entries handled here are marked done; anything left is for the JGit path.
     */
    void walk(ObjectInflater inflater, int root, long maxDeliver, Receiver receiver) {
        if (wanted[root] != null && !hasNeededChild(root) && skipWithoutResolving(inflater, root, maxDeliver, receiver)) {
            return;
        }
        if (inflatedSize[root] > maxResolve) {
            return;
        }
        byte[] data;
        try {
            data = new byte[(int) inflatedSize[root]];
            if (!inflateWhole(inflater, root, data)) {
                return;
            }
        } catch (DataFormatException e) {
            return;
        }
        visit(inflater, root, data, receiver);
    }

    private boolean hasNeededChild(int node) {
        for (int c = childStart[node]; c < childStart[node + 1]; c++) {
            if (needed[childList[c]]) {
                return true;
            }
        }
        return false;
    }

    /**
     * A lone whole blob (no delta hangs off it) that is too large, or binary by its first bytes, is
     * skipped after inflating at most the probe: binary blobs are often most of a pack's bytes. A
     * small one is not probed: the probe would inflate most of it twice, the second time in full
     * (the receiver's side skips it if binary).
     */
    private boolean skipWithoutResolving(ObjectInflater inflater, int root, long maxDeliver, Receiver receiver) {
        BlobEntry e = wanted[root];
        if (inflatedSize[root] > maxDeliver) {
            e.done = true;
            receiver.skipped(e, false);
            return true;
        }
        if (inflatedSize[root] <= PROBED_FROM) {
            return false;
        }
        byte[] probe = new byte[(int) Math.min(inflatedSize[root], Content.BINARY_PROBE)];
        try {
            int got = inflatePrefix(inflater, root, probe, probe.length);
            if (got == probe.length && Content.looksBinary(probe, got)) {
                e.done = true;
                receiver.skipped(e, true);
                return true;
            }
        } catch (DataFormatException ex) {
            return true; // left undone: the JGit path reports it
        }
        return false;
    }

    private void visit(ObjectInflater inflater, int node, byte[] data, Receiver receiver) {
        // Explicit stack: delta chains can be thousands deep with --depth.
        int[] nodes = new int[16];
        byte[][] datas = new byte[16][];
        int[] nextChild = new int[16];
        int top = 0;
        nodes[0] = node;
        datas[0] = data;
        nextChild[0] = childStart[node];
        deliver(node, data, receiver, -1, null);
        top = 1;
        Delta.Copies runs = new Delta.Copies();
        while (top > 0) {
            int f = top - 1;
            int parent = nodes[f];
            int c = nextChild[f];
            while (c < childStart[parent + 1] && !needed[childList[c]]) {
                c++;
            }
            if (c >= childStart[parent + 1]) {
                datas[f] = null;
                top--;
                continue;
            }
            nextChild[f] = c + 1;
            int child = childList[c];
            byte[] base = datas[f];
            // Copy runs are worth recording only when the base is a blob that detection has seen.
            // One buffer for the tree's deltas: each is handed on as a copy before the next.
            Delta.Copies copies = wanted[parent] != null && wanted[child] != null ? runs.cleared() : null;
            byte[] result = resolve(inflater, child, base, copies);
            if (result == null) {
                continue; // this subtree is left to the JGit path
            }
            deliver(child, result, receiver, parent, copies);
            if (childStart[child] == childStart[child + 1]) {
                continue;
            }
            if (top == nodes.length) {
                nodes = Arrays.copyOf(nodes, top * 2);
                datas = Arrays.copyOf(datas, top * 2);
                nextChild = Arrays.copyOf(nextChild, top * 2);
            }
            nodes[top] = child;
            datas[top] = result;
            nextChild[top] = childStart[child];
            top++;
        }
    }

    private void deliver(int node, byte[] data, Receiver receiver, int parent, Delta.Copies copies) {
        BlobEntry e = wanted[node];
        if (e != null) {
            e.size = data.length;
            e.done = true;
            BlobEntry base = parent >= 0 ? wanted[parent] : null;
            receiver.blob(e, data, base, base == null || copies == null ? null : copies.toArray());
        }
    }

    private byte[] resolve(ObjectInflater inflater, int delta, byte[] base, Delta.Copies copies) {
        long deltaSize = inflatedSize[delta];
        if (deltaSize > maxResolve) {
            return null;
        }
        try {
            byte[] d = new byte[(int) deltaSize];
            if (!inflateWhole(inflater, delta, d)) {
                return null;
            }
            return Delta.apply(base, d, maxResolve, copies);
        } catch (DataFormatException | IllegalArgumentException | IndexOutOfBoundsException e) {
            return null;
        }
    }

    /** Inflates object i whole into out, which has its size; whether exactly that much came out. */
    private boolean inflateWhole(ObjectInflater inflater, int i, byte[] out) throws DataFormatException {
        return inflater.whole(pack, dataStart[i], dataEnd(i), out);
    }

    /** Inflates up to want bytes of object i into out; returns how many came out. */
    private int inflatePrefix(ObjectInflater inflater, int i, byte[] out, int want) throws DataFormatException {
        return inflater.prefix(pack, dataStart[i], dataEnd(i), out, want);
    }

    /** Where object i's compressed data ends: at the next object, or the pack's trailer. */
    private int dataEnd(int i) {
        return i + 1 < offsets.length ? (int) offsets[i + 1] : trailerStart;
    }

    private static long readVarint(byte[] b, int[] p, int limit) {
        long v = 0;
        int shift = 0;
        while (p[0] < limit) {
            int c = b[p[0]++] & 0xff;
            v |= (long) (c & 0x7f) << shift;
            shift += 7;
            if ((c & 0x80) == 0) {
                break;
            }
        }
        return v;
    }
}
