package dev.keyhound.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class WindowStartsTest {
    /** The definition: walk back from the hit to the context-th newline, at most BEFORE_CAP chars. */
    private static int walkBack(String text, int hitStart, int context) {
        int lo = Math.max(0, hitStart - Engine.BEFORE_CAP);
        int p = hitStart;
        int newlines = 0;
        while (p > lo) {
            if (text.charAt(p - 1) == '\n' && newlines++ == context) {
                break;
            }
            p--;
        }
        return p;
    }

    @Test
    void answersAsTheWalkBackForHitsInAnyOrderAndContext() {
        Random rnd = new Random();
        for (int round = 0; round < 3000; round++) {
            String text = RandomTexts.lines(rnd, 40, Engine.BEFORE_CAP);
            int shift = rnd.nextInt(4);
            byte[] bytes = ("x".repeat(shift) + text)
                    .getBytes(StandardCharsets.ISO_8859_1);
            WindowStarts fromBytes = WindowStarts.ofBytes(bytes, shift);
            WindowStarts fromText = WindowStarts.ofText(text);
            int[][] asked = new int[60][];
            int hit = 0;
            for (int q = 0; q < asked.length; q++) {
                // mostly forward in small steps (hits on one line), sometimes a jump back
                hit = rnd.nextInt(6) == 0 ? rnd.nextInt(text.length() + 1)
                        : Math.min(text.length(), hit + rnd.nextInt(rnd.nextBoolean() ? 8 : 200));
                asked[q] = new int[] {hit, rnd.nextInt(4) == 0 ? rnd.nextInt(12) : rnd.nextInt(2) * 5};
            }
            // the same hits again, as the next rule with these keywords asks for them
            for (int pass = 0; pass < 2; pass++) {
                for (int[] q : asked) {
                    int expected = walkBack(text, q[0], q[1]);
                    assertEquals(expected, fromText.of(q[0], q[1]), () -> "text, " + text.length() + " chars");
                    assertEquals(expected, fromBytes.of(q[0], q[1]), "bytes");
                }
            }
        }
    }
}
