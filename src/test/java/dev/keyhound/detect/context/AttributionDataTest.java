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
