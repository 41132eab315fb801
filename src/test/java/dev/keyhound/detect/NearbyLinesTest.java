package dev.keyhound.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

class NearbyLinesTest {
    @Test
    void boundsAgreeWithTheLineIndexForShortAndLongLinesLfAndCrlf() {
        Random rnd = new Random();
        for (int round = 0; round < 400; round++) {
            StringBuilder sb = new StringBuilder();
            int lines = rnd.nextInt(12);
            for (int l = 0; l < lines; l++) {
                sb.append("z".repeat(rnd.nextInt(5) == 0 ? NearbyLines.READ + rnd.nextInt(6000) : rnd.nextInt(40)));
                if (rnd.nextInt(6) == 0) {
                    sb.append('\r'); // a CR inside a line
                    sb.append("w".repeat(rnd.nextInt(3)));
                }
                sb.append(rnd.nextBoolean() ? "\n" : "\r\n");
            }
            if (rnd.nextBoolean()) {
                sb.append("tail").append(rnd.nextBoolean() ? "\r" : "");
            }
            String text = sb.toString();
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
