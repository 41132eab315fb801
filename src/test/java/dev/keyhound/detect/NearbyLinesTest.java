package dev.keyhound.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

class NearbyLinesTest {
    @Test
    void boundsAgreeWithTheLineIndexForShortAndLongLinesLfAndCrlf() {
        Random rnd = new Random();
        for (int round = 0; round < 400; round++) {
            String text = RandomTexts.lines(rnd, 12, NearbyLines.READ);
            LineIndex index = new LineIndex(text);
            NearbyLines nearby = new NearbyLines(text, new LineIndex(text));
            for (int q = 0; q < 40; q++) {
                int offset = rnd.nextInt(text.length() + 1);
                int line = index.lineOf(offset);
                assertEquals(index.start(line), nearby.startAt(offset), "start at " + offset);
                assertEquals(index.end(line), nearby.endAt(offset), "end at " + offset);
            }
        }
    }
}
