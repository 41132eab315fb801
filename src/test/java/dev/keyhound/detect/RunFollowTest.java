package dev.keyhound.detect;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keyhound.rules.ExampleTemplate;
import dev.keyhound.rules.Rule;
import dev.keyhound.rules.RuleSet;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import org.junit.jupiter.api.Test;

/**
 * The shortcut may only skip a run start where RE2/J finds no match from it, in any window: checked
 * on every built-in lazy-run rule with its examples and random variants around the name's end.
 */
class RunFollowTest {
    private static final String OP = "(?:[\"']?[ \\t]*(?:=|:=|=>|:)[ \\t]*[\"'`]?|[\"'][ \\t]*,[ \\t]*[\"'`])";

    @Test
    void everyLazyRunRuleGetsItsFollowSetAndNoMatchIsSkipped() throws Exception {
        long seed = new SecureRandom().nextLong();
        Random random = new Random(seed);
        String noise = "ab_.-=:'\" \t,()[]{}\n\u212a";
        int rulesChecked = 0;
        int skipped = 0;
        int matched = 0;
        for (Rule rule : RuleSet.builtIn().rules()) {
            Matcher run = rule.regex() == null || rule.keywords().isEmpty() ? null : Engine.RUN_START.matcher(rule.regex().pattern());
            if (run == null || !run.find()) {
                continue;
            }
            boolean[] in = Engine.charClass(run.group(3));
            boolean separator = run.group(2) != null;
            boolean[] follow = RunFollow.of(rule.regex().pattern(), run.end(), in);
            assertNotNull(follow, rule.id() + ": a lazy-run rule of the usual shape");
            rulesChecked++;
            List<String> texts = new ArrayList<>();
            for (String e : rule.examples()) {
                texts.add(ExampleTemplate.expand(e, random));
            }
            for (int n = 0, base = texts.size(); n < base * 30; n++) {
                StringBuilder b = new StringBuilder(texts.get(random.nextInt(base)));
                for (int k = 0, edits = 1 + random.nextInt(3); k < edits; k++) {
                    int at = random.nextInt(b.length());
                    b.replace(at, at + random.nextInt(2), String.valueOf(noise.charAt(random.nextInt(noise.length()))));
                }
                texts.add(b.toString());
            }
            for (String text : texts) {
                for (int s = 0; s < text.length(); s++) {
                    if (!runChar(in, text.charAt(s)) || s > 0 && runChar(in, text.charAt(s - 1))) {
                        continue; // not a run's start
                    }
                    int end = s;
                    while (end < text.length() && runChar(in, text.charAt(end))) {
                        end++;
                    }
                    boolean skip = end == text.length() || text.charAt(end) < 128 && !follow[text.charAt(end)];
                    int from = separator && s > 0 ? s - 1 : s;
                    for (int to = text.length(); to > s; to -= 1 + random.nextInt(4)) {
                        boolean found = rule.regex().matcher(text.substring(from, to)).lookingAt();
                        assertTrue(!skip || !found, rule.id() + " skipped a run RE2/J matches from: \""
                                + text.substring(from, to) + "\" (seed " + seed + ")");
                        matched += found ? 1 : 0;
                    }
                    skipped += skip ? 1 : 0;
                }
            }
        }
        assertTrue(rulesChecked >= 20, "the exchange rules and the generic rule: " + rulesChecked);
        assertTrue(matched > 100, "runs RE2/J matches from: " + matched);
        assertTrue(skipped > 1000, "runs skipped: " + skipped);
    }

    @Test
    void givesNoShortcutWhereTheNameNeedNotEndInTheOperator() {
        boolean[] run = Engine.charClass("\\w.-");
        assertNotNull(RunFollow.of("(?i)[\\w.-]*?key[\\w.-]{0,30}?" + OP + "([a-z]{8})", 12, run));
        assertNull(RunFollow.of("(?i)[\\w.-]*?k.y" + OP + "([a-z]{8})", 12, run), "an unescaped dot is any char");
        assertNull(RunFollow.of("(?i)[\\w.-]*?key\\s*" + OP + "([a-z]{8})", 12, run), "\\s is no run char");
        assertNull(RunFollow.of("(?i)[\\w.-]*?key[\\w =]*" + OP + "([a-z]{8})", 12, run), "a class with other chars");
        assertNull(RunFollow.of("(?i)[\\w.-]*?key[^\"]*" + OP + "([a-z]{8})", 12, run), "a negated class");
        assertNull(RunFollow.of("(?i)[\\w.-]*?key" + OP + "?([a-z]{8})", 12, run), "an optional operator");
        assertNull(RunFollow.of("(?i)[\\w.-]*?(?:key" + OP + "|token)([a-z]{8})", 12, run), "an operator in one alternative");
        assertNull(RunFollow.of("(?i)[\\w.-]*?key|token" + OP + "([a-z]{8})", 12, run), "an alternative to the whole");
        assertNull(RunFollow.of("(?i)[\\w.-]*?key(?-i:X)" + OP + "([a-z]{8})", 12, run), "a flag group");
        assertFalse(RunFollow.of("(?i)[\\w.-]*?key" + OP + "x", 12, run)['a']);
    }

    private static boolean runChar(boolean[] in, char c) {
        return c < 128 && in[c];
    }
}
