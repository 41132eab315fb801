package dev.keyhound.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

class NewlinesTest {
    @Test
    void answersAsIndexOfForPlacesInAnyOrderAndSlot() {
        Random rnd = new Random();
        for (int round = 0; round < 3000; round++) {
            String text = RandomTexts.lines(rnd, 30, 2000);
            Newlines newlines = new Newlines(text);
            int p = 0;
            for (int q = 0; q < 80; q++) {
                p = rnd.nextInt(5) == 0 ? rnd.nextInt(text.length() + 1) : Math.min(text.length(), p + rnd.nextInt(60));
                int slot = rnd.nextInt(10);
                int nl = text.indexOf('\n', p);
                int expected = nl < 0 ? text.length() : nl;
                assertEquals(expected, newlines.next(p, slot), "at " + p + " slot " + slot);
                if (expected < text.length() && rnd.nextBoolean()) {
                    p = expected + 1; // the next line, as a window's walk asks
                }
            }
        }
    }
}
