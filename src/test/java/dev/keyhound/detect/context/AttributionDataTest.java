package dev.keyhound.detect.context;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keyhound.detect.Credential;
import dev.keyhound.detect.Engine;
import dev.keyhound.detect.EngineOptions;
import dev.keyhound.detect.Match;
import dev.keyhound.rules.ExampleTemplate;
import dev.keyhound.rules.ProviderInfo;
import dev.keyhound.rules.Rule;
import dev.keyhound.rules.RuleSet;
import dev.keyhound.source.Blob;
import dev.keyhound.source.Origin;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The attribution table and the exchange rule files describe the same exchanges and shapes. */
class AttributionDataTest {
    private final AttributionData data = AttributionData.builtIn();

    @Test
    void everyExchangeRuleFileHasAnAttributionEntryAndBackAgain() throws Exception {
        RuleSet rules = RuleSet.builtIn();
        Set<String> exchanges = new TreeSet<>();
        for (ProviderInfo p : rules.providers().values()) {
            if (p.kind().equals("exchange")) {
                exchanges.add(p.id());
            }
        }
        assertEquals(new TreeSet<>(data.providers().keySet()), exchanges);
        for (AttributionData.ProviderShapes p : data.providers().values()) {
            assertTrue(p.aliases().contains(p.id()), p.id() + " is its own alias");
            assertTrue(p.hasPart("key") && p.hasPart("secret"), p.id() + " has key and secret shapes");
        }
    }

    @Test
    void aShapeOfOneCharAtomsHasTheLengthsOfItsRepeats() {
        assertBounds(32, 32, "[0-9a-f]{32}");
        assertBounds(27, 28, "[A-Za-z0-9]{27,28}");
        assertBounds(36, 36, "[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
        assertBounds(35, 35, "bg_[0-9a-f]{32}");
        assertBounds(43, 44, "[A-Za-z0-9+/]{43}=?");
        assertBounds(8, 10, "[A-Za-z0-9_-]{8,10}");
        assertBounds(4, 6, "a{1,2}?b?c{2}d");
        // anything else: a group, an alternation, an escape, a negated class, an open repeat
        for (String any : new String[] {"[A-Za-z0-9+/]{86}(?:==)?", "(?:account|master)-[A-Za-z0-9]{20}", "[^\\s]{6,64}",
                "[\\w]{3}", "\\d{4}", "[a-z]+", "a*", "a{2,}", "a{x}", "a|b", ".{3}", "(?s)a", "[[:alpha:]]{2}", "\u00e9{2}"}) {
            assertBounds(0, Integer.MAX_VALUE, any);
        }
    }

    @Test
    void aValueOfAnotherLengthIsNoShapesAndTheRestAreAskedOfTheRegex() {
        AttributionData.Shape hex = AttributionData.Shape.of("secret", com.google.re2j.Pattern.compile("[0-9a-f]{8}"), false, null);
        assertTrue(hex.fits("0123abcd"));
        assertFalse(hex.fits("0123abc"));
        assertFalse(hex.fits("0123abcde"));
        assertFalse(hex.fits("0123abcZ"));
        // Every shape of the table keeps every value its regex matches whole: values made atom by
        // atom (RE2/J confirms they match), and values of its chars at lengths near its bounds.
        Random random = new Random(11);
        int made = 0;
        for (AttributionData.ProviderShapes p : data.providers().values()) {
            for (AttributionData.Shape shape : p.shapes()) {
                for (int n = 0; n < 200; n++) {
                    String value = matchingValue(shape.regex().pattern(), random);
                    if (value == null) {
                        assertEquals(Integer.MAX_VALUE, shape.maxLength(), shape.regex().pattern());
                        break;
                    }
                    made++;
                    assertTrue(shape.regex().matches(value), shape.regex().pattern() + " on " + value);
                    assertTrue(value.length() >= shape.minLength() && value.length() <= shape.maxLength(), value);
                    assertEquals(Plausibility.passes(shape.check(), value), shape.fits(value), value);
                    String near = value.substring(0, random.nextInt(value.length() + 1))
                            + value.substring(random.nextInt(value.length() + 1)) + (random.nextBoolean() ? "a" : "");
                    assertEquals(shape.regex().matches(near) && Plausibility.passes(shape.check(), near), shape.fits(near),
                            shape.regex().pattern() + " on " + near);
                }
            }
        }
        assertTrue(made > 5000, "values made: " + made);
    }

    private static final java.util.regex.Pattern ATOM =
            java.util.regex.Pattern.compile("(\\[[^\\]]+\\]|[^\\[])(\\?|\\{(\\d+)(?:,(\\d+))?\\})?\\??");

    /**
     * A value the regex matches, made atom by atom (a class or a char, with its repeat count), or
     * null for a regex that is no sequence of such atoms. The atom's chars are those RE2/J says it
     * matches.
     */
    private static String matchingValue(String regex, Random random) {
        java.util.regex.Matcher m = ATOM.matcher(regex);
        StringBuilder b = new StringBuilder();
        int at = 0;
        while (at < regex.length() && m.find(at) && m.start() == at) {
            at = m.end();
            String atom = m.group(1);
            if ("\\.(){}?*+|^$".contains(atom)) {
                return null;
            }
            com.google.re2j.Pattern one = com.google.re2j.Pattern.compile(atom.startsWith("[") ? atom : com.google.re2j.Pattern.quote(atom));
            java.util.List<Character> members = new java.util.ArrayList<>();
            for (char c = 1; c < 128; c++) {
                if (one.matches(String.valueOf(c))) {
                    members.add(c);
                }
            }
            if (members.isEmpty()) {
                return null;
            }
            boolean optional = "?".equals(m.group(2));
            int lo = m.group(2) == null ? 1 : optional ? 0 : Integer.parseInt(m.group(3));
            int hi = m.group(2) == null || optional ? 1 : m.group(4) == null ? lo : Integer.parseInt(m.group(4));
            for (int n = lo + random.nextInt(hi - lo + 1); n > 0; n--) {
                b.append(members.get(random.nextInt(members.size())));
            }
        }
        return at == regex.length() ? b.toString() : null;
    }

    private static void assertBounds(int min, int max, String regex) {
        int[] bounds = AttributionData.lengthBounds(regex);
        assertEquals(min, bounds[0], regex);
        assertEquals(max, bounds[1], regex);
    }

    @Test
    void closedExchangesAreMarkedClosed() throws Exception {
        RuleSet rules = RuleSet.builtIn();
        assertEquals("closed", rules.provider("ftx").orElseThrow().status());
        assertEquals("closed", rules.provider("bittrex").orElseThrow().status());
        assertEquals("active", rules.provider("binance").orElseThrow().status());
    }

    @Test
    void everyExchangeRuleExampleValueFitsItsProvidersShapeTable() throws Exception {
        RuleSet rules = RuleSet.builtIn();
        // The raw matches: the shape table is what attribution checks them against, and a scan
        // drops a lone passphrase or customer id (an example is one line) before they get there.
        Engine engine = new Engine(rules, EngineOptions.DEFAULT, CredentialAssembler.SINGLE);
        Random random = new Random(3);
        for (Rule r : rules.rules()) {
            AttributionData.ProviderShapes shapes = data.providers().get(r.provider());
            if (shapes == null) {
                continue;
            }
            for (String example : r.examples()) {
                String text = ExampleTemplate.expand(example, random);
                boolean checked = false;
                for (Credential c : engine.detect(new Blob(Origin.file("example.txt"), text.getBytes(StandardCharsets.UTF_8)))) {
                    for (Match m : c.parts()) {
                        if (m.ruleId().equals(r.id())) {
                            assertTrue(shapes.fits(null, m.secret()), r.id() + ": " + example + " gives a value outside the shape table");
                            checked = true;
                        }
                    }
                }
                assertTrue(checked, r.id() + ": " + example + " was not found");
            }
        }
    }

    @Test
    void namesSplitIntoTokensAndJoinedGrams() {
        assertEquals(java.util.List.of("binance", "api", "secret"), Names.tokens("BinanceAPISecret"));
        assertEquals(java.util.List.of("binance", "us", "api", "key"), Names.tokens("BINANCE_US_API_KEY"));
        assertTrue(Names.grams(Names.tokens("kraken_futures_key")).contains("krakenfutures"));
        assertEquals("cryptocom", Names.squash("Crypto.com"));
        assertFalse(Names.tokens("delegate_key").contains("gate"));
    }

    @Test
    void objectIdTimeCheck() {
        assertTrue(Plausibility.passes("objectid-time", String.format("%08x", 1_700_000_000L) + "0123456789abcdef"));
        assertFalse(Plausibility.passes("objectid-time", "00000001" + "0123456789abcdef"));
        assertFalse(Plausibility.passes("objectid-time", "ffffffff" + "0123456789abcdef"));
    }
}
