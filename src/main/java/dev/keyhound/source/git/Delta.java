package dev.keyhound.source.git;

/** Applies a git delta (pack format: two sizes, then copy and insert instructions) to its base. */
final class Delta {
    private Delta() {
    }

    /** The copy runs of one delta: (offset in the result, offset in the base, length) triples. */
    static final class Copies {
        private int[] runs = new int[48];
        private int size;

        void add(int to, int from, int length) {
            int last = size - 3;
            // git cuts copies at 64 KiB; a run that goes on in both blobs is one run, not a seam
            if (last >= 0 && runs[last] + runs[last + 2] == to && runs[last + 1] + runs[last + 2] == from) {
                runs[last + 2] += length;
                return;
            }
            if (size + 3 > runs.length) {
                runs = java.util.Arrays.copyOf(runs, runs.length * 2);
            }
            runs[size++] = to;
            runs[size++] = from;
            runs[size++] = length;
        }

        /** Empty again, keeping its room (for the next delta of a tree). */
        Copies cleared() {
            size = 0;
            return this;
        }

        int[] toArray() {
            return java.util.Arrays.copyOf(runs, size);
        }
    }

    /**
     * Applies the delta and, when copies is not null, records in it every run copied from the base.
     *
     * @throws IllegalArgumentException when the delta does not fit its base or is malformed
     */
    static byte[] apply(byte[] base, byte[] delta, long maxResult, Copies copies) {
        int p = 0;
        long baseSize = 0;
        int shift = 0;
        int c;
        do {
            c = delta[p++] & 0xff;
            baseSize |= (long) (c & 0x7f) << shift;
            shift += 7;
        } while ((c & 0x80) != 0);
        long resultSize = 0;
        shift = 0;
        do {
            c = delta[p++] & 0xff;
            resultSize |= (long) (c & 0x7f) << shift;
            shift += 7;
        } while ((c & 0x80) != 0);
        if (baseSize != base.length || resultSize > maxResult || resultSize > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException("delta does not fit its base");
        }
        byte[] out = new byte[(int) resultSize];
        int o = 0;
        while (p < delta.length) {
            int op = delta[p++] & 0xff;
            if ((op & 0x80) != 0) {
                int off = 0;
                int len = 0;
                if ((op & 0x01) != 0) off = delta[p++] & 0xff;
                if ((op & 0x02) != 0) off |= (delta[p++] & 0xff) << 8;
                if ((op & 0x04) != 0) off |= (delta[p++] & 0xff) << 16;
                if ((op & 0x08) != 0) off |= (delta[p++] & 0xff) << 24;
                if ((op & 0x10) != 0) len = delta[p++] & 0xff;
                if ((op & 0x20) != 0) len |= (delta[p++] & 0xff) << 8;
                if ((op & 0x40) != 0) len |= (delta[p++] & 0xff) << 16;
                if (len == 0) {
                    len = 0x10000;
                }
                System.arraycopy(base, off, out, o, len);
                if (copies != null) {
                    copies.add(o, off, len);
                }
                o += len;
            } else if (op != 0) {
                System.arraycopy(delta, p, out, o, op);
                p += op;
                o += op;
            } else {
                throw new IllegalArgumentException("delta has a zero instruction");
            }
        }
        if (o != out.length) {
            throw new IllegalArgumentException("delta result has the wrong size");
        }
        return out;
    }
}
