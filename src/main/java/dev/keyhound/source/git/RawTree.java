package dev.keyhound.source.git;

import org.eclipse.jgit.lib.MutableObjectId;
import org.eclipse.jgit.util.RawParseUtils;

/**
 * A cursor over a canonical tree object's bytes ("mode SP name NUL 20-byte-id" repeated). The
 * history walk parses hundreds of thousands of trees; reading the bytes directly avoids an
 * iterator object and a path buffer per tree.
 */
final class RawTree {
    static final int TREE = 1;
    static final int FILE = 2;
    static final int GITLINK = 3;

    private final byte[] raw;
    private int pos;
    private int nameStart;
    private int nameEnd;
    private int kind;
    private final MutableObjectId id = new MutableObjectId();

    RawTree(byte[] raw) {
        this.raw = raw;
    }

    /** Moves to the next entry; false at the end (or at a truncated entry). */
    boolean next() {
        if (pos >= raw.length) {
            return false;
        }
        int mode = 0;
        int p = pos;
        while (p < raw.length && raw[p] != ' ') {
            mode = (mode << 3) + (raw[p] - '0');
            p++;
        }
        nameStart = p + 1;
        int nul = nameStart;
        while (nul < raw.length && raw[nul] != 0) {
            nul++;
        }
        if (nul + 21 > raw.length) {
            pos = raw.length;
            return false;
        }
        nameEnd = nul;
        id.fromRaw(raw, nul + 1);
        pos = nul + 21;
        int type = mode & 0170000;
        kind = type == 0040000 ? TREE : type == 0160000 ? GITLINK : FILE;
        return true;
    }

    int kind() {
        return kind;
    }

    MutableObjectId id() {
        return id;
    }

    /** The entry's name; non-UTF-8 names fall back the way git's own decoding does. */
    String name() {
        return RawParseUtils.decode(raw, nameStart, nameEnd);
    }

    /** The number of the entry's name in names (added when new). */
    int nameIn(EntryNames names) {
        return names.intern(raw, nameStart, nameEnd);
    }
}
