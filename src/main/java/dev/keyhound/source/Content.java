package dev.keyhound.source;

/** Facts about raw content that every source needs before handing it on. */
public final class Content {
    /** How much of the start of a blob is inspected for NUL bytes (git's own heuristic). */
    public static final int BINARY_PROBE = 8000;

    private Content() {
    }

    /**
     * True for binary content: a NUL byte in the first {@value #BINARY_PROBE} bytes. UTF-16 text
     * with a byte-order mark has NULs but is text, so a BOM exempts it.
     */
    public static boolean looksBinary(byte[] bytes, int length) {
        if (length >= 2 && ((bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE)
                || (bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF))) {
            return false;
        }
        int end = Math.min(length, BINARY_PROBE);
        int i = 0;
        for (; i + 8 <= end; i += 8) {
            long v = (long) LONGS.get(bytes, i);
            if (((v - 0x0101010101010101L) & ~v & 0x8080808080808080L) != 0) {
                return true; // some byte of the eight is zero
            }
        }
        for (; i < end; i++) {
            if (bytes[i] == 0) {
                return true;
            }
        }
        return false;
    }

    private static final java.lang.invoke.VarHandle LONGS =
            java.lang.invoke.MethodHandles.byteArrayViewVarHandle(long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);

    /** Whether bytes[from, to) are all ASCII: eight at a time, a set high bit in any means not. */
    public static boolean isAscii(byte[] b, int from, int to) {
        int i = from;
        for (; i + 8 <= to; i += 8) {
            if (((long) LONGS.get(b, i) & 0x8080808080808080L) != 0) {
                return false;
            }
        }
        for (; i < to; i++) {
            if (b[i] < 0) {
                return false;
            }
        }
        return true;
    }

    public static boolean looksBinary(byte[] bytes) {
        return looksBinary(bytes, bytes.length);
    }
}
