package dev.keyhound.source.git;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.DataFormatException;
import org.eclipse.jgit.lib.AnyObjectId;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectLoader;
import org.eclipse.jgit.lib.ObjectReader;

/**
 * One thread's reader of objects from the repository's packs by id, for the history walk's trees
 * and commits: inflated whole by libdeflate ({@link ObjectInflater}) and rebuilt from their delta
 * bases with {@link Delta}, resolved bases kept for the next object of their chain. JGit's reader,
 * which the walk used, feeds zlib 512 bytes at a time from a mapped pack, through a fresh array each time
 * (hummingbot: 221 MB of garbage, half of what the walk allocated). Whatever this
 * cannot read (an object in no pack here, a pack of 2 GiB or more, a delta base outside its pack,
 * bad data) is null, and the caller asks JGit, which also reports the problem.
 */
final class PackedObjects implements AutoCloseable {
    private static final int OBJ_COMMIT = PackObjectHeader.OBJ_COMMIT;
    private static final int OBJ_TREE = PackObjectHeader.OBJ_TREE;
    /** Objects larger than this are left to JGit (a tree or commit is seldom over a few KB). */
    private static final int MAX_OBJECT = 16 << 20;
    /**
     * Bytes of resolved delta bases kept. The walk reads a chain of tree versions oldest first, each
     * the delta of the next: it needs the last base only (hummingbot: 140K of 171K trees found their
     * base kept with 2 MB as with 32 MB, and 32 MB kept alive made the walk's collections slower).
     */
    private static final long BASES_KEPT = 4L << 20;
    /** Longer delta chains (git writes 50, 250 at most) are left to JGit: each level is a frame of the stack. */
    private static final int MAX_CHAIN = 1000;

    /** An object's type and content. */
    record Loaded(int type, byte[] content) {
    }

    /** The packs that are mapped. */
    private final List<PackOrder.IndexedPack> packs;
    private final ObjectInflater inflater;
    private final Map<Long, Loaded> bases = new LinkedHashMap<>(1024, 0.75f, true);
    private long basesSize;

    private PackedObjects(List<PackOrder.IndexedPack> packs, ObjectInflater inflater) {
        this.packs = packs;
        this.inflater = inflater;
    }

    /** A reader of these packs (those that are mapped). */
    static PackedObjects of(List<PackOrder.IndexedPack> indexed) {
        return of(indexed, true);
    }

    /** With libdeflate false, the JDK's zlib only (for tests that compare the two). */
    static PackedObjects of(List<PackOrder.IndexedPack> indexed, boolean libdeflate) {
        // a pack that is not mapped: JGit reads its objects
        return new PackedObjects(indexed.stream().filter(p -> p.bytes() != null).toList(), new ObjectInflater(libdeflate));
    }

    /**
     * A reader that reads commits from these packs itself and the rest through jgit, which it
     * closes: for the RevWalk that orders a history's commits (hummingbot: 62K of them, through
     * JGit's 512-byte feed to zlib).
     */
    static ObjectReader readingCommits(ObjectReader jgit, List<PackOrder.IndexedPack> indexed) {
        PackedObjects packed = of(indexed);
        return new ObjectReader.Filter() {
            @Override
            protected ObjectReader delegate() {
                return jgit;
            }

            @Override
            public ObjectLoader open(AnyObjectId id, int typeHint) throws IOException {
                byte[] raw = typeHint == OBJ_COMMIT ? packed.open(id, OBJ_COMMIT) : null;
                return raw != null ? new ObjectLoader.SmallObject(OBJ_COMMIT, raw) : jgit.open(id, typeHint);
            }

            @Override
            public void close() {
                packed.close();
                jgit.close();
            }
        };
    }

    /** The tree's bytes: read here when it can be, else by JGit (which throws what it throws for it). */
    byte[] tree(AnyObjectId id, ObjectReader jgit) throws IOException {
        byte[] raw = open(id, OBJ_TREE);
        return raw != null ? raw : jgit.open(id, Constants.OBJ_TREE).getCachedBytes();
    }

    /** The object's content when it is of the given type and readable here, else null. */
    byte[] open(AnyObjectId id, int type) {
        for (int p = 0; p < packs.size(); p++) {
            long offset = packs.get(p).index().findOffset(id);
            if (offset >= 0) {
                Loaded loaded = load(p, offset, 0);
                return loaded != null && loaded.type() == type ? loaded.content() : null;
            }
        }
        return null;
    }

    private Loaded load(int p, long offset, int depth) {
        PackOrder.IndexedPack pack = packs.get(p);
        if (offset >= trailerStart(pack) || depth > MAX_CHAIN) {
            return null;
        }
        try {
            PackObjectHeader header = PackObjectHeader.at(pack.bytes(), offset, pack.index());
            if (header.size() > MAX_OBJECT) {
                return null;
            }
            if (header.isWhole()) {
                byte[] out = inflate(pack, header.dataStart(), (int) header.size());
                return out == null ? null : new Loaded(header.type(), out);
            }
            long baseOffset = header.baseOffset();
            if (!header.isDelta() || baseOffset < 0 || (header.type() == PackObjectHeader.OFS_DELTA && baseOffset >= offset)) {
                return null;
            }
            Loaded base = base(p, baseOffset, depth);
            byte[] delta = base == null ? null : inflate(pack, header.dataStart(), (int) header.size());
            return delta == null ? null : new Loaded(base.type(), Delta.apply(base.content(), delta, MAX_OBJECT, null));
        } catch (DataFormatException | RuntimeException e) {
            return null; // bad data, or a delta that does not fit its base: JGit says which
        }
    }

    /** The resolved object at baseOffset, kept for the next delta of its chain. */
    private Loaded base(int p, long baseOffset, int depth) {
        long key = (long) p << 40 | baseOffset;
        Loaded kept = bases.get(key);
        if (kept != null) {
            return kept;
        }
        Loaded loaded = load(p, baseOffset, depth + 1);
        if (loaded != null) {
            bases.put(key, loaded);
            basesSize += loaded.content().length;
            var eldest = bases.entrySet().iterator();
            while (basesSize > BASES_KEPT && eldest.hasNext()) {
                basesSize -= eldest.next().getValue().content().length;
                eldest.remove();
            }
        }
        return loaded;
    }

    /** The zlib stream at pos inflated to size bytes, or null when it does not give exactly that. */
    private byte[] inflate(PackOrder.IndexedPack pack, int pos, int size) throws DataFormatException {
        // The stream's end is not stored; it lies within deflate's worst case for size bytes
        // (5 bytes per stored block of up to 64 KiB, 6 of zlib's own), and the inflater stops there.
        long bound = (long) pos + size + 5L * (size / 65_535 + 1) + 6;
        int to = (int) Math.min(trailerStart(pack), bound);
        byte[] out = new byte[size];
        return inflater.whole(pack.bytes(), pos, to, out) ? out : null;
    }

    /** Where the pack's trailing checksum starts: no object data lies past it. */
    private static int trailerStart(PackOrder.IndexedPack pack) {
        return pack.bytes().limit() - 20;
    }

    @Override
    public void close() {
        inflater.close();
        bases.clear();
    }
}
