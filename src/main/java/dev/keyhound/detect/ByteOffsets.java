package dev.keyhound.detect;

import java.util.Arrays;

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
        Integer[] order = new Integer[charOffsets.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Integer.compare(charOffsets[a], charOffsets[b]));
        int c = 0;
        int at = lead;
        for (int idx : order) {
            int target = charOffsets[idx];
            if (target < 0) {
                out[idx] = target;
                continue;
            }
            for (; c < target; c++) {
                at += utf8Length(text, c);
            }
            out[idx] = at;
        }
        for (; c < text.length(); c++) {
            at += utf8Length(text, c);
        }
        return at == bytes.length ? out : null;
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
