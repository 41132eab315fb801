package dev.keyhound.detect.context;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The one-byte-per-char forms of a text that the document's searches read. */
class Latin1Test {
    /**
     * Reading a char past Latin-1 as '?' is right for a search of ASCII words only where the char
     * cannot become one: every char that lower-cases (as a char or in a string) into an ASCII
     * letter or digit is one that foldsIntoAscii sees.
     */
    @Test
    void everyCharPastLatin1ThatLowerCasesIntoAsciiIsSeen() {
        int seen = 0;
        for (int c = 0x100; c <= 0xFFFF; c++) {
            String s = String.valueOf((char) c);
            char lower = Character.toLowerCase((char) c);
            boolean intoAscii = lower < 128 && Character.isLetterOrDigit(lower)
                    || s.toLowerCase(Locale.ROOT).chars().anyMatch(x -> x < 128 && Character.isLetterOrDigit(x));
            if (intoAscii) {
                assertTrue(Latin1.foldsIntoAscii("ab" + s + "cd"), Integer.toHexString(c));
                seen++;
            }
        }
        assertEquals(2, seen);
        assertTrue(!Latin1.foldsIntoAscii("plain ascii, caf\u00e9, \u20ac and \u2713"));
    }

    @Test
    void lexableIsOneBytePerCharAndExactlyOnlyForLatin1() {
        assertArrayEquals("caf\u00e9?".getBytes(StandardCharsets.ISO_8859_1), Latin1.exactly("caf\u00e9?"));
        assertNull(Latin1.exactly("caf\u00e9 \u20ac"));
        assertArrayEquals("a?b?c".getBytes(StandardCharsets.ISO_8859_1), Latin1.lexable("a\u20acb\u2713c"));
        assertEquals(4, Latin1.lexable("a\uD83D\uDE00b").length, "a surrogate pair: a byte per char");
    }
}
