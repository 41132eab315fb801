package dev.keyhound.detect.context;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import dev.keyhound.detect.PerThreadLru;
import dev.keyhound.detect.RequiredLiteral;
import java.util.Map;
import java.util.Optional;

/**
 * The context tables' regex answers, remembered per thread. A history holds the same line in
 * version after version of a file, and the tables' alternations cost RE2/J tens of microseconds a
 * line: on hummingbot four of five questions had been asked before on the same thread. An answer
 * depends on pattern, group and text alone.
 */
final class RegexMemo {
    private static final int TEXT_MAX = 4096;
    private static final long CHARS_KEPT = 1L << 20;
    private static final ThreadLocal<Map<Question, Optional<String>>> ANSWERS =
            PerThreadLru.of(CHARS_KEPT, q -> q.text().length());

    /** The pattern by identity: each is compiled once, into a table or a constant. */
    private record Question(Pattern pattern, int group, String text) {
    }

    private RegexMemo() {
    }

    /** Whether pattern matches somewhere in text. */
    static boolean find(Pattern pattern, String text) {
        return group(pattern, 0, text) != null;
    }

    /** The group of pattern's first match in text, or null when it does not match or the group took no part. */
    static String group(Pattern pattern, int group, String text) {
        if (!RequiredLiteral.mayFind(pattern, text)) {
            return null; // most questions: a word of the table's that the text does not hold
        }
        if (text.length() > TEXT_MAX) {
            return firstMatch(pattern, group, text);
        }
        Map<Question, Optional<String>> answers = ANSWERS.get();
        Question q = new Question(pattern, group, text);
        Optional<String> known = answers.get(q);
        if (known == null) {
            known = Optional.ofNullable(firstMatch(pattern, group, text));
            answers.put(q, known);
        }
        return known.orElse(null);
    }

    private static String firstMatch(Pattern pattern, int group, String text) {
        Matcher m = pattern.matcher(text);
        return m.find() ? m.group(group) : null;
    }
}
