package dev.keyhound.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.re2j.Matcher;
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
        int matched = 0;
        int rejected = 0;
        for (int i = 0; i < rules.length; i++) {
            Rule rule = rules[i];
            if (rule.regex() == null) {
                continue;
            }
            List<String> texts = new ArrayList<>();
            for (String example : rule.examples()) {
                texts.add(ExampleTemplate.expand(example, random));
            }
            for (String example : rule.negativeExamples()) {
                texts.add(ExampleTemplate.expand(example, random));
            }
            for (int n = 0, base = texts.size(); n < base * 20; n++) {
                texts.add(mutate(texts.get(random.nextInt(base)), random));
            }
            for (String text : texts) {
                if (!text.chars().allMatch(c -> c < 128)) {
                    continue;
                }
                int from = random.nextInt(Math.max(1, text.length() / 4));
                int to = text.length() - random.nextInt(Math.max(1, text.length() / 4));
                String window = text.substring(from, to);
                boolean found = rule.regex().matcher(window).find();
                boolean atStart = rule.regex().matcher(window).lookingAt();
                boolean may = gate.mayMatch(i, text, from, to, false, true);
                String where = rule.id() + " on \"" + window + "\" (seed " + seed + ")";
                assertTrue(!found || may, "rejected a window RE2/J matches: " + where);
                assertTrue(!atStart || gate.mayMatch(i, text, from, to, true, true),
                        "rejected a window RE2/J matches at its start: " + where);
                assertEquals(may, gate.mayMatch(i, text, from, to, false, false), "both copies agree: " + where);
                matched += found ? 1 : 0;
                rejected += may ? 0 : 1;
            }
        }
        assertTrue(matched > 150, "the examples match: " + matched);
        assertTrue(rejected > 150, "the gate rejects the many cut and mutated windows that cannot match: " + rejected);
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
        // A window with a char over 127 is RE2/J's to judge (its classes and case folding are Unicode).
        String unicode = "def connect(self, api_key):  # clé\n";
        assertTrue(gate.mayMatch(generic, unicode, 0, unicode.length(), false, false));
        Matcher none = rules[generic].regex().matcher(unicode);
        assertFalse(none.find(), "RE2/J settles it: no match");
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
