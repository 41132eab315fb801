package dev.keyhound.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keyhound.rules.ExampleTemplate;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PlaceholderFilterTest {
    @Test
    void masksOfXAreFoundAtAnEdgeOrWhenLong() {
        for (String mask : List.of("sk-proj-xxxx", "XXXX-XXXX-XXXX-1234", "1234xxxx", "AKIAXXXXXXXXXXXXXXXX",
                "key_xxxxxx_prod", "ab12XXXXXXcd34", "glpat-XXXX")) {
            assertTrue(PlaceholderFilter.isPlaceholder(mask), mask);
        }
    }

    @Test
    void xsOfMixedCaseOrShortInnerRunsAreNotMasks() {
        // a key of random letters holds these now and then; they are not how anyone writes a mask
        Random r = new Random(5);
        for (String inner : List.of("xXxX", "xxXx", "XXXx", "xxxx", "XXXXX")) {
            String key = ExampleTemplate.expand("{{alnum:20}}", r) + "7" + inner + "7" + ExampleTemplate.expand("{{alnum:20}}", r);
            assertFalse(PlaceholderFilter.hasMask(key), key);
        }
        assertFalse(PlaceholderFilter.isPlaceholder("Db89xxXxydjT"));
    }

    @Test
    void anIdIsAPlaceholderOnlyWhenTwoThirdsOfItIsOneCharacter() {
        assertFalse(PlaceholderFilter.isPlaceholder("FDrfcFff"), "5 of 8 is one letter in about 1 random id in 15,000");
        assertTrue(PlaceholderFilter.isPlaceholder("FfffcFff"));
        assertTrue(PlaceholderFilter.isPlaceholder("a0aaa0aaa0aaa0a"));
        assertFalse(PlaceholderFilter.isPlaceholder("a0a0a0a0a0a0aBc"));
    }

    @Test
    void randomKeysOfEveryAlphabetAreAlmostNeverPlaceholders() {
        // about 1 key in 10,000 of these was dropped when any four x's of either case made a mask
        Random r = new Random(11);
        int flagged = 0;
        int keys = 0;
        for (String format : List.of("{{alnum:64}}", "{{base64:86}}", "{{base64url:43}}", "{{alnum:8}}", "{{alnum:12}}")) {
            for (int i = 0; i < 40_000; i++, keys++) {
                flagged += PlaceholderFilter.isPlaceholder(ExampleTemplate.expand(format, r)) ? 1 : 0;
            }
        }
        assertEquals(0, flagged, flagged + " of " + keys + " random keys looked like placeholders");
    }
}
