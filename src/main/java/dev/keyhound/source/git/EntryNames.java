package dev.keyhound.source.git;

import java.util.Arrays;
import org.eclipse.jgit.util.RawParseUtils;

/**
 * Tree entry names, each kept once and numbered. A history has millions of tree entries but few
 * distinct names (hummingbot: 2.7 million entries), so the walk's tree record holds a number per
 * entry; a name is looked up by its raw bytes (no string is made while walking) and decoded only
 * when the provenance pass reports a path.
 */
final class EntryNames {
    private byte[] bytes = new byte[1 << 16];
    private int used;
    private int[] starts = new int[1024];
    private int count;
    /** Open addressing: id + 1 per slot, 0 when empty. */
    private int[] slots = new int[2048];
    private String[] decoded = new String[1024];

    /** The number of the name raw[from, to), added when new. */
    int intern(byte[] raw, int from, int to) {
        int hash = hash(raw, from, to);
        int mask = slots.length - 1;
        for (int s = hash & mask; ; s = (s + 1) & mask) {
            int id = slots[s] - 1;
            if (id < 0) {
                return add(raw, from, to, s);
            }
            if (Arrays.equals(bytes, starts[id], starts[id + 1], raw, from, to)) {
                return id;
            }
        }
    }

    /** The name numbered id, decoded the way git decodes paths (UTF-8, else a fallback charset). */
    String name(int id) {
        String s = decoded[id];
        if (s == null) {
            s = RawParseUtils.decode(bytes, starts[id], starts[id + 1]);
            decoded[id] = s;
        }
        return s;
    }

    int size() {
        return count;
    }

    private int add(byte[] raw, int from, int to, int slot) {
        int length = to - from;
        if (used + length > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, used + length));
        }
        System.arraycopy(raw, from, bytes, used, length);
        used += length;
        if (count + 2 > starts.length) {
            starts = Arrays.copyOf(starts, starts.length * 2);
            decoded = Arrays.copyOf(decoded, starts.length);
        }
        int id = count++;
        starts[id + 1] = used;
        slots[slot] = id + 1;
        if (count * 2 > slots.length) {
            rehash();
        }
        return id;
    }

    private void rehash() {
        slots = new int[slots.length * 2];
        int mask = slots.length - 1;
        for (int id = 0; id < count; id++) {
            int s = hash(bytes, starts[id], starts[id + 1]) & mask;
            while (slots[s] != 0) {
                s = (s + 1) & mask;
            }
            slots[s] = id + 1;
        }
    }

    private static int hash(byte[] b, int from, int to) {
        int h = 0x811c9dc5;
        for (int i = from; i < to; i++) {
            h = (h ^ b[i]) * 0x01000193;
        }
        return h ^ (h >>> 16);
    }
}
