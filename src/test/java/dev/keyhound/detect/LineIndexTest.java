package dev.keyhound.detect;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The index finds line starts only as far as it is asked; every answer must be the whole text's. */
class LineIndexTest {
    /** The answers from every line start, found at once. */
    private record Lines(String text, List<Integer> starts) {
        static Lines of(String text) {
            List<Integer> starts = new ArrayList<>(List.of(0));
            for (int i = 0; i < text.length(); i++) {
                if (text.charAt(i) == '\n') {
                    starts.add(i + 1);
                }
            }
            return new Lines(text, starts);
        }

        int lineOf(int offset) {
            int line = 0;
            while (line < starts.size() && starts.get(line) <= offset) {
                line++;
            }
            return line;
        }

        int end(int line) {
            int e = line < starts.size() ? starts.get(line) - 1 : text.length();
            return e > starts.get(line - 1) && text.charAt(e - 1) == '\r' ? e - 1 : e;
        }
    }

    @Test
    void answersAsTheWholeTextsLinesInAnyOrderOfQuestions() {
        Random random = new Random(7);
        String alphabet = "ab\n\r\u00e9\u4e2d ";
        for (int round = 0; round < 500; round++) {
            String text = KeywordPrefilterTest.randomText(random, alphabet, random.nextInt(300));
            Lines expected = Lines.of(text);
            LineIndex index = new LineIndex(text);
            for (int q = 0; q < 40; q++) {
                switch (random.nextInt(4)) {
                    case 0 -> {
                        int offset = random.nextInt(text.length() + 1);
                        assertEquals(expected.lineOf(offset), index.lineOf(offset), text + " @" + offset);
                    }
                    case 1 -> {
                        int line = 1 + random.nextInt(expected.starts().size());
                        assertEquals(expected.starts().get(line - 1), index.start(line), text + " line " + line);
                    }
                    case 2 -> {
                        int line = 1 + random.nextInt(expected.starts().size());
                        assertEquals(expected.end(line), index.end(line), text + " end of line " + line);
                    }
                    default -> assertEquals(expected.starts().size(), index.count(), text);
                }
            }
        }
    }

    @Test
    void listsEveryLineStart() {
        assertArrayEquals(new int[] {0}, LineIndex.lineStarts(""));
        assertArrayEquals(new int[] {0, 2, 3}, LineIndex.lineStarts("a\n\n"));
        assertArrayEquals(new int[] {0, 3}, LineIndex.lineStarts("a\r\nb"));
    }

    @Test
    void boundsReadAroundAnOffsetAgreeWithTheIndexForShortAndLongLinesLfAndCrlf() {
        Random rnd = new Random();
        for (int round = 0; round < 400; round++) {
            String text = RandomTexts.lines(rnd, 12, LineIndex.NEAR);
            LineIndex index = new LineIndex(text);
            LineIndex near = new LineIndex(text);
            for (int q = 0; q < 40; q++) {
                int offset = rnd.nextInt(text.length() + 1);
                int line = index.lineOf(offset);
                assertEquals(index.start(line), near.startNear(offset), "start at " + offset);
                assertEquals(index.end(line), near.endNear(offset), "end at " + offset);
            }
        }
    }
}
