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
        for (int i = 0; i < end; i++) {
            if (bytes[i] == 0) {
                return true;
            }
        }
        return false;
    }

    public static boolean looksBinary(byte[] bytes) {
        return looksBinary(bytes, bytes.length);
    }
}
