package dev.keyhound.source.git;

import java.nio.ByteBuffer;
import org.eclipse.jgit.internal.storage.file.PackIndex;
import org.eclipse.jgit.lib.ObjectId;

/**
 * An object's header in a pack: its type, its size (for a delta, the delta's own), where its zlib
 * data starts, and for a delta the offset of its base in the same pack (-1 when the base is not
 * in it).
 *
 * @param type      1 commit, 2 tree, 3 blob, 4 tag, 6 offset delta, 7 reference delta
 * @param size      the inflated size of the object, or of the delta
 * @param dataStart where the compressed data starts, after the header and a delta's base reference
 */
record PackObjectHeader(int type, long size, int dataStart, long baseOffset) {
    static final int OBJ_COMMIT = 1;
    static final int OBJ_TREE = 2;
    static final int OBJ_BLOB = 3;
    static final int OBJ_TAG = 4;
    static final int OFS_DELTA = 6;
    static final int REF_DELTA = 7;

    /** The header of the object at offset; a reference delta's base is looked up in index. */
    static PackObjectHeader at(ByteBuffer pack, long offset, PackIndex index) {
        int pos = (int) offset;
        int c = pack.get(pos++) & 0xff;
        int type = (c >> 4) & 7;
        long size = c & 15;
        int shift = 4;
        while ((c & 0x80) != 0) {
            c = pack.get(pos++) & 0xff;
            size += (long) (c & 0x7f) << shift;
            shift += 7;
        }
        long base = -1;
        if (type == OFS_DELTA) {
            c = pack.get(pos++) & 0xff;
            long rel = c & 127;
            while ((c & 128) != 0) {
                c = pack.get(pos++) & 0xff;
                rel = ((rel + 1) << 7) + (c & 127);
            }
            base = rel > 0 && rel <= offset ? offset - rel : -1;
        } else if (type == REF_DELTA) {
            byte[] raw = new byte[20];
            pack.get(pos, raw);
            pos += 20;
            base = index.findOffset(ObjectId.fromRaw(raw));
        }
        return new PackObjectHeader(type, size, pos, base);
    }

    boolean isDelta() {
        return type == OFS_DELTA || type == REF_DELTA;
    }

    /** A whole object: commit, tree, blob or tag. */
    boolean isWhole() {
        return type >= OBJ_COMMIT && type <= OBJ_TAG;
    }
}
