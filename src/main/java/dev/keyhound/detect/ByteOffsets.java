package dev.keyhound.detect;

/** Char offsets into a blob's text turned into byte offsets into the blob (UTF-8 text only). */
final class ByteOffsets {
    private ByteOffsets() {
    }

    /**
     * @param lead  bytes before the text (a byte-order mark)
     * @param ascii the text is the bytes one for one
     * @return the offsets as byte offsets (negative ones kept), or null when the text does not
     *         encode back to the blob's bytes (malformed UTF-8 was replaced while decoding)
     */
    static int[] of(String text, int lead, boolean ascii, int[] charOffsets, byte[] bytes) {
        int[] out = new int[charOffsets.length];
        if (ascii) {
            for (int i = 0; i < out.length; i++) {
                out[i] = charOffsets[i] < 0 ? charOffsets[i] : charOffsets[i] + lead;
            }
            return out;
        }
        // The decoder replaces every malformed sequence with U+FFFD, so a text without one is the
        // bytes' exact decoding: a char offset is found by stepping over the bytes' sequences (one
        // char each, two for a four-byte one) without reading the text. With one, the text is
        // encoded again, and must come to the bytes' length.
        boolean exact = text.indexOf('\uFFFD') < 0;
        int c = 0;
        int at = lead;
        for (int idx : ascending(charOffsets)) {
            int target = charOffsets[idx];
            if (target < 0) {
                out[idx] = target;
                continue;
            }
            if (exact) {
                while (c < target) {
                    int b = bytes[at] & 0xFF;
                    int length = b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
                    at += length;
                    c += length == 4 ? 2 : 1; // a surrogate pair: an offset between its halves is the pair's end
                }
            } else {
                for (; c < target; c++) {
                    at += utf8Length(text, c);
                }
            }
            out[idx] = at;
        }
        if (exact) {
            return out;
        }
        for (; c < text.length(); c++) {
            at += utf8Length(text, c);
        }
        return at == bytes.length ? out : null;
    }

    /** The indexes of offsets, in ascending order of the offsets: one pass over a text serves them all. */
    static int[] ascending(int[] offsets) {
        return java.util.stream.IntStream.range(0, offsets.length).boxed()
                .sorted(java.util.Comparator.comparingInt(i -> offsets[i])).mapToInt(Integer::intValue).toArray();
    }

    private static int utf8Length(String text, int i) {
        char ch = text.charAt(i);
        if (ch < 0x80) {
            return 1;
        }
        if (ch < 0x800) {
            return 2;
        }
        if (Character.isHighSurrogate(ch) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
            return 4; // the low surrogate that follows adds nothing
        }
        if (Character.isLowSurrogate(ch) && i > 0 && Character.isHighSurrogate(text.charAt(i - 1))) {
            return 0;
        }
        return 3;
    }
}
