package dev.keyhound.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

class WindowEndsTest {
    /** The definition: on to the context-th newline after the hit's, at most AFTER_CAP chars. */
    private static int walkOn(String text, int hitEnd, int context) {
        int hi = Math.min(text.length(), hitEnd + Engine.AFTER_CAP);
        int p = hitEnd;
        for (int line = 0; ; line++) {
            int nl = text.indexOf('\n', p);
            nl = nl < 0 ? text.length() : nl;
            if (nl >= hi) {
                return hi;
            }
            if (line == context) {
                return nl;
            }
            p = nl + 1;
        }
    }

    @Test
    void answersAsTheWalkForHitsAskedAgainInAnyOrderAndContext() {
        Random rnd = new Random();
        for (int round = 0; round < 3000; round++) {
            String text = RandomTexts.lines(rnd, 40, Engine.AFTER_CAP);
            WindowEnds ends = new WindowEnds(text);
            int[][] asked = new int[50][];
            int hit = 0;
            for (int q = 0; q < asked.length; q++) {
                hit = rnd.nextInt(6) == 0 ? rnd.nextInt(text.length() + 1) : Math.min(text.length(), hit + rnd.nextInt(120));
                asked[q] = new int[] {hit, rnd.nextInt(4) == 0 ? rnd.nextInt(12) : rnd.nextInt(2) * 5};
            }
            for (int pass = 0; pass < 2; pass++) {
                for (int[] q : asked) {
                    assertEquals(walkOn(text, q[0], q[1]), ends.of(q[0], q[1]), "hit " + q[0] + " context " + q[1]);
                }
            }
        }
    }
}
