package dev.keyhound.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.keyhound.rules.ExampleTemplate;
import dev.keyhound.rules.Rule;
import dev.keyhound.rules.RuleSet;
import dev.keyhound.source.Blob;
import dev.keyhound.source.Origin;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The gate may only ever say "no match" where RE2/J finds none: checked on every built-in rule's
 * examples, on random cuts and mutations of them (where RE2/J's own verdict is the reference), and
 * end to end by {@code DeltaHistoryEquivalenceTest}. It must also actually say "no" (or it would
 * gate nothing), and not judge text it cannot read the way RE2/J does.
 */
class HyperscanGateTest {
    private static Rule[] rules;
    private static HyperscanGate gate;

    @BeforeAll
    static void build() throws Exception {
        rules = RuleSet.builtIn().rules().toArray(new Rule[0]);
        gate = HyperscanGate.forRules(rules);
    }

    @Test
    void everyBuiltInRuleIsJudged() {
        assumeTrue(HyperscanGate.available(), "no Hyperscan library for this platform");
        List<String> unjudged = new ArrayList<>();
        for (int i = 0; i < rules.length; i++) {
            if (rules[i].regex() != null && !gate.judges(i)) {
                unjudged.add(rules[i].id());
            }
        }
        assertEquals(List.of(), unjudged, "rules Hyperscan cannot compile");
    }

    @Test
    void neverRejectsAWindowWhereRe2jFindsAMatch() {
        assumeTrue(HyperscanGate.available(), "no Hyperscan library for this platform");
        long seed = new SecureRandom().nextLong();
        Random random = new Random(seed);
        int[] counts = new int[2];
        for (int i = 0; i < rules.length; i++) {
            if (rules[i].regex() != null) {
                judgeWindows(i, variants(rules[i], random, t -> mutate(t, random)), c -> true, random, seed, counts);
            }
        }
        assertTrue(counts[0] > 150, "the examples match: " + counts[0]);
        assertTrue(counts[1] > 150, "the gate rejects the many cut and mutated windows that cannot match: " + counts[1]);
    }

    @Test
    void rejectsWhatCannotMatchAndLeavesOtherTextToRe2j() {
        assumeTrue(HyperscanGate.available(), "no Hyperscan library for this platform");
        int generic = index("generic-api-credential");
        int ethereum = index("ethereum-private-key");
        String plain = "def connect(self, api_key):\n    return self._client.connect(api_key)\n";
        assertFalse(gate.mayMatch(generic, plain, 0, plain.length(), false, true));
        String hex = "a".repeat(64);
        String assigned = "PRIVATE_KEY=0x" + hex + "\n";
        assertTrue(gate.mayMatch(ethereum, assigned, 0, assigned.length(), false, true));
        assertFalse(gate.mayMatch(ethereum, assigned, 0, assigned.length() - 10, false, true),
                "a window that cuts the key short cannot match");
        // Only the window is read: the same key outside it is not seen.
        String twoLines = "x = 1\n" + assigned;
        assertFalse(gate.mayMatch(ethereum, twoLines, 0, 5, false, true));
        // Anchored: a match must start at the window's start.
        String later = "y = 2 " + assigned;
        assertTrue(gate.mayMatch(ethereum, later, 0, later.length(), false, true));
        assertFalse(gate.mayMatch(ethereum, later, 0, later.length(), true, true));
        // A window with chars over 127 is judged too, with each as one byte that no ASCII class takes.
        String unicode = "def connect(self, api_key):  # clé\n";
        assertFalse(gate.mayMatch(generic, unicode, 0, unicode.length(), false, false));
        assertFalse(rules[generic].regex().matcher(unicode).find());
    }

    @Test
    void judgesWindowsWithOtherCharsTheWayRe2jReadsThem() {
        assumeTrue(HyperscanGate.available(), "no Hyperscan library for this platform");
        long seed = new SecureRandom().nextLong();
        Random random = new Random(seed);
        String[] others = {"é", "ß", "ÿ", "\u00a0", "中", "\ufffd", "\ud83d\ude00", "\ud83d", "\u212a", "\u017f"};
        java.util.function.UnaryOperator<String> withOthers = t -> {
            StringBuilder b = new StringBuilder(random.nextBoolean() ? t : mutate(t, random));
            for (int k = 0, edits = 1 + random.nextInt(3); k < edits; k++) {
                int at = random.nextInt(b.length() + 1);
                String other = others[random.nextInt(others.length)];
                if (random.nextBoolean() && at < b.length()) {
                    b.replace(at, at + 1, other);
                } else {
                    b.insert(at, other);
                }
            }
            return b.toString();
        };
        int[] counts = new int[2];
        for (int i = 0; i < rules.length; i++) {
            if (rules[i].regex() != null) {
                judgeWindows(i, variants(rules[i], random, withOthers), c -> c >= 128, random, seed, counts);
            }
        }
        assertTrue(counts[0] > 60, "the examples still match: " + counts[0]);
        assertTrue(counts[1] > 150, "windows with other chars are judged: " + counts[1]);
    }

    /** A rule's examples and negative examples, expanded, then 20 variants of them per example. */
    private static List<String> variants(Rule rule, Random random, java.util.function.UnaryOperator<String> variant) {
        List<String> texts = new ArrayList<>();
        rule.examples().forEach(e -> texts.add(ExampleTemplate.expand(e, random)));
        rule.negativeExamples().forEach(e -> texts.add(ExampleTemplate.expand(e, random)));
        for (int n = 0, base = texts.size(); n < base * 20; n++) {
            texts.add(variant.apply(texts.get(random.nextInt(base))));
        }
        return texts;
    }

    /**
     * For a random cut of each text that has some char the filter takes: the gate says "may match"
     * wherever RE2/J matches (anchored too), and both copies of the text (chars, Latin-1 bytes)
     * get the same answer. Adds to counts {windows RE2/J matched, windows the gate rejected}.
     */
    private static void judgeWindows(int i, List<String> texts, java.util.function.IntPredicate some, Random random,
                                     long seed, int[] counts) {
        Rule rule = rules[i];
        for (String text : texts) {
            if (text.chars().noneMatch(some)) {
                continue;
            }
            int from = random.nextInt(Math.max(1, text.length() / 4));
            int to = text.length() - random.nextInt(Math.max(1, text.length() / 4));
            String window = text.substring(from, to);
            boolean found = rule.regex().matcher(window).find();
            boolean may = gate.mayMatch(i, text, from, to, false, false);
            String where = rule.id() + " on \"" + window + "\" (seed " + seed + ")";
            assertTrue(!found || may, "rejected a window RE2/J matches: " + where);
            assertTrue(!rule.regex().matcher(window).lookingAt() || gate.mayMatch(i, text, from, to, true, false),
                    "rejected a window RE2/J matches at its start: " + where);
            if (text.chars().allMatch(c -> c < 256)) {
                assertEquals(may, gate.mayMatch(i, text, from, to, false, true), "both copies agree: " + where);
                assertTrue(!rule.regex().matcher(window).lookingAt() || gate.mayMatch(i, text, from, to, true, true),
                        "rejected a Latin-1 window RE2/J matches at its start: " + where);
            }
            counts[0] += found ? 1 : 0;
            counts[1] += may ? 0 : 1;
        }
    }

    @Test
    void readsACodePointAsOneCharAndLeavesWhatTheRegexNamesToRe2j() {
        assumeTrue(HyperscanGate.available(), "no Hyperscan library for this platform");
        Rule[] mine = {rule("\"[^\"]{3}\""), rule("(?i)key=([a-f0-9]{4})"), rule("cl\u00e9=([a-z]{4})"), rule("cl\\x{e9}=([a-z]{4})")};
        HyperscanGate g = HyperscanGate.forRules(mine);
        String emoji = "x = \"a\ud83d\ude00b\"\n"; // three code points between the quotes, four chars
        assertTrue(mine[0].regex().matcher(emoji).find());
        assertTrue(g.mayMatch(0, emoji, 0, emoji.length(), false, false));
        String two = "x = \"a\ud83d\ude00\ud83d\ude00b\"";
        assertFalse(g.mayMatch(0, two, 0, two.length(), false, false), "four code points");
        String kelvin = "\u212aey=abcd"; // RE2's (?i) folds the Kelvin sign into k
        assertTrue(mine[1].regex().matcher(kelvin).find());
        assertTrue(g.mayMatch(1, kelvin, 0, kelvin.length(), false, false));
        assertFalse(g.mayMatch(1, "\u00e9ey=abcd", 0, 8, false, false));
        for (int i = 2; i < 4; i++) {
            String named = "cl\u00e9=abcd";
            assertTrue(mine[i].regex().matcher(named).find());
            assertTrue(g.mayMatch(i, named, 0, named.length(), false, false), mine[i].regex().pattern());
        }
        assertTrue(HyperscanGate.namesNoNonAscii("(?i)\\bkey\\W+[^\"]{20}"));
        assertFalse(HyperscanGate.namesNoNonAscii("\\p{L}+"));
        assertFalse(HyperscanGate.namesNoNonAscii("a\\101"));
    }

    private static Rule rule(String regex) {
        return new Rule("t", "", com.google.re2j.Pattern.compile(regex), 0, null, List.of(), null, List.of(),
                List.of(), null, null, null, null, List.of(), null, List.of(), List.of(), "test");
    }

    @Test
    void anEngineWithTheGateFindsWhatRe2jAloneFindsInEveryExample() throws Exception {
        RuleSet set = RuleSet.builtIn();
        Engine plain = new Engine(set, new EngineOptions(true, false));
        Engine gated = new Engine(set, new EngineOptions(true, true));
        long seed = new SecureRandom().nextLong();
        Random random = new Random(seed);
        int found = 0;
        for (Rule rule : rules) {
            List<String> examples = new ArrayList<>(rule.examples());
            examples.addAll(rule.negativeExamples());
            for (String example : examples) {
                String text = "# config\n" + ExampleTemplate.expand(example, random) + "\n";
                Blob blob = new Blob(Origin.file(rule.path() == null ? "config.py" : "x"), text.getBytes(StandardCharsets.UTF_8));
                List<Credential> expected = plain.detect(blob);
                assertEquals(expected, gated.detect(blob), rule.id() + " on " + text + " (seed " + seed + ")");
                found += expected.size();
            }
        }
        assertTrue(found > 100, "the examples hold credentials: " + found);
    }

    @Test
    void compilesAheadTheDatabaseEachRuleIsMatchedWith() throws Exception {
        assumeTrue(HyperscanGate.available(), "no Hyperscan library for this platform");
        // Patterns no other test compiled (the databases are shared by the whole process).
        String unique = Long.toHexString(new SecureRandom().nextLong());
        Rule[] mine = new Rule[12];
        boolean[] anchored = new boolean[mine.length];
        for (int i = 0; i < mine.length; i++) {
            String regex = "(?i)" + unique + "_" + i + "[\\w.-]{0,20}[ \\t]*=[ \\t]*([a-f0-9]{32})";
            mine[i] = new Rule("r" + i, "", com.google.re2j.Pattern.compile(regex), 0, null, List.of(), null, List.of(),
                    List.of(), null, null, null, null, List.of(), null, List.of(), List.of(), "test");
            anchored[i] = i % 3 == 0;
        }
        HyperscanGate ahead = HyperscanGate.forRules(mine);
        assertEquals(0, compiled(ahead, mine.length));
        ahead.compileAhead(anchored);
        for (long end = System.nanoTime() + 60_000_000_000L; compiled(ahead, mine.length) < mine.length && System.nanoTime() < end; ) {
            Thread.sleep(20);
        }
        Thread.sleep(200); // nothing more than asked for comes later
        for (int i = 0; i < mine.length; i++) {
            assertTrue(ahead.compiled(i, anchored[i]), "rule " + i + "'s database");
            assertFalse(ahead.compiled(i, !anchored[i]), "rule " + i + " is not matched that way");
        }
        String text = "x = 1\n" + unique + "_4_secret = " + "ab".repeat(16) + "\n";
        assertTrue(ahead.mayMatch(4, text, 0, text.length(), false, true));
        assertFalse(ahead.mayMatch(5, text, 0, text.length(), false, true));
    }

    /** How many of the first n rules have either of their databases compiled. */
    private static int compiled(HyperscanGate gate, int n) {
        int c = 0;
        for (int i = 0; i < n; i++) {
            c += (gate.compiled(i, true) ? 1 : 0) + (gate.compiled(i, false) ? 1 : 0);
        }
        return c;
    }

    private static int index(String id) {
        for (int i = 0; i < rules.length; i++) {
            if (rules[i].id().equals(id)) {
                return i;
            }
        }
        throw new AssertionError("no rule " + id);
    }

    /** A random small edit: a char dropped, doubled, replaced, or a slice moved (RequiredLiteralTest's too). */
    static String mutate(String s, Random r) {
        if (s.isEmpty()) {
            return s;
        }
        StringBuilder b = new StringBuilder(s);
        for (int k = 0, edits = 1 + r.nextInt(3); k < edits && b.length() > 1; k++) {
            int at = r.nextInt(b.length());
            switch (r.nextInt(4)) {
                case 0 -> b.deleteCharAt(at);
                case 1 -> b.insert(at, b.charAt(at));
                case 2 -> b.setCharAt(at, " =:\"'\n_-xA9/+".charAt(r.nextInt(13)));
                default -> {
                    int to = Math.min(b.length(), at + 1 + r.nextInt(8));
                    String slice = b.substring(at, to);
                    b.delete(at, to);
                    b.insert(r.nextInt(b.length() + 1), slice);
                }
            }
        }
        return b.toString();
    }
}
