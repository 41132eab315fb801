package dev.keyhound.detect.context;

import java.nio.charset.StandardCharsets;

/**
 * A text's chars as bytes, one per char, for loops and automata over whole files: the copy of a
 * Latin-1 string is a plain array copy, half the size of its chars.
 */
final class Latin1 {
    private Latin1() {
    }

    /** One byte per char, chars past Latin-1 as '?' (for readers of ASCII alone). */
    static byte[] lexable(String text) {
        byte[] b = text.getBytes(StandardCharsets.ISO_8859_1);
        if (b.length != text.length()) { // a surrogate pair became one '?': keep one byte per char
            b = new byte[text.length()];
            for (int i = 0; i < b.length; i++) {
                char c = text.charAt(i);
                b[i] = (byte) (c < 256 ? c : '?');
            }
        }
        return b;
    }

    /**
     * Whether the text holds a char past Latin-1 that lower-cases into ASCII: the only two are
     * '\u0130' (to 'i') and the Kelvin sign (to 'k'); Latin1Test checks every char.
     */
    static boolean foldsIntoAscii(String text) {
        return text.indexOf('\u0130') >= 0 || text.indexOf('\u212A') >= 0;
    }

    /** The text's bytes when every char is Latin-1; null when one is not. */
    static byte[] exactly(String text) {
        byte[] b = text.getBytes(StandardCharsets.ISO_8859_1);
        if (b.length != text.length()) {
            return null;
        }
        for (int i = 0; i < b.length; i++) {
            if (b[i] == '?' && text.charAt(i) != '?') {
                return null;
            }
        }
        return b;
    }
}
