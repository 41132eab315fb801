package dev.keyhound.detect.context;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Remembered answers are the answers: per pattern, per group and per text, asked in any order. */
class RegexMemoTest {
    @Test
    void answersAsRe2jDoesWhateverWasAskedBefore() {
        Pattern digits = Pattern.compile("(\\d+)-(\\d+)?");
        Pattern letters = Pattern.compile("([a-z]+)(x)?");
        Random random = new Random(11);
        String[] texts = new String[300];
        for (int i = 0; i < texts.length; i++) {
            texts[i] = random(random, 1 + random.nextInt(i < 290 ? 12 : 5000));
        }
        for (int round = 0; round < 20_000; round++) {
            String text = texts[random.nextInt(texts.length)];
            Pattern p = random.nextBoolean() ? digits : letters;
            int group = random.nextInt(3);
            Matcher m = p.matcher(text);
            String expected = m.find() ? m.group(group) : null;
            assertEquals(expected, RegexMemo.group(p, group, text), p + " group " + group + " in " + text);
            assertEquals(p.matcher(text).find(), RegexMemo.find(p, text));
        }
    }

    @Test
    void theSameTextGetsEachPatternsOwnAnswer() {
        Pattern a = Pattern.compile("a");
        Pattern b = Pattern.compile("b");
        assertTrue(RegexMemo.find(a, "xa"));
        assertFalse(RegexMemo.find(b, "xa"));
        assertEquals("k", RegexMemo.group(Pattern.compile("(k)(v)?"), 1, "k"));
        assertNull(RegexMemo.group(Pattern.compile("(k)(v)?"), 2, "k"), "a group that took no part");
    }

    private static String random(Random r, int n) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            b.append("ab1-2x ".charAt(r.nextInt(7)));
        }
        return b.toString();
    }
}
