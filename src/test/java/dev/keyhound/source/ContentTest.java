package dev.keyhound.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class ContentTest {

    /** A NUL anywhere in the probe, at every offset of an eight-byte word, and none past it. */
    @Test
    void aNulInTheProbeMakesBinaryWhereverItIs() {
        Random rnd = new Random(3);
        for (int round = 0; round < 200; round++) {
            byte[] b = new byte[rnd.nextInt(Content.BINARY_PROBE + 100)];
            for (int i = 0; i < b.length; i++) {
                b[i] = (byte) (1 + rnd.nextInt(255)); // any byte but 0, high ones too
            }
            if (b.length >= 2 && (b[0] & 0xff) >= 0xfe) {
                b[0] = 'x'; // no byte-order mark
            }
            assertFalse(Content.looksBinary(b), "round " + round);
            if (b.length > 0) {
                int at = rnd.nextInt(b.length);
                b[at] = 0;
                assertEquals(at < Content.BINARY_PROBE, Content.looksBinary(b), "NUL at " + at + " of " + b.length);
            }
        }
        byte[] utf16 = {(byte) 0xFF, (byte) 0xFE, 'a', 0, 'b', 0};
        assertFalse(Content.looksBinary(utf16), "UTF-16 with a byte-order mark is text");
    }

    @Test
    void asciiIsEveryByteBelow128() {
        Random rnd = new Random(4);
        for (int round = 0; round < 200; round++) {
            byte[] b = new byte[rnd.nextInt(100)];
            for (int i = 0; i < b.length; i++) {
                b[i] = (byte) rnd.nextInt(128);
            }
            assertTrue(Content.isAscii(b, 0, b.length));
            if (b.length > 0) {
                int at = rnd.nextInt(b.length);
                b[at] = (byte) (128 + rnd.nextInt(128));
                assertFalse(Content.isAscii(b, 0, b.length), "high byte at " + at);
                assertTrue(Content.isAscii(b, at + 1, b.length));
            }
        }
    }
}
