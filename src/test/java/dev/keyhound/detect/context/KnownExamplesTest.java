package dev.keyhound.detect.context;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keyhound.detect.Credential;
import dev.keyhound.detect.Engine;
import dev.keyhound.detect.EngineOptions;
import dev.keyhound.rules.ExampleTemplate;
import dev.keyhound.rules.RuleSet;
import dev.keyhound.rules.Severity;
import dev.keyhound.source.Blob;
import dev.keyhound.source.Origin;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class KnownExamplesTest {
    @Test
    void shippedFileHoldsOnlyFingerprintsAndNotes() throws Exception {
        int entries = 0;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                KnownExamples.class.getResourceAsStream(KnownExamples.RESOURCE), StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                if (line.startsWith("#")) {
                    continue;
                }
                String[] cols = line.split("\t");
                assertEquals(2, cols.length, line);
                assertTrue(cols[0].matches("[0-9a-f]{64}"), "a SHA-256, never a value: " + cols[0]);
                assertTrue(cols[1].startsWith("public documentation example"), cols[1]);
                entries++;
            }
        }
        assertTrue(entries >= 30, "Binance/Kraken/BitMEX/Deribit docs, Hardhat, BIP39/BIP32 vectors: " + entries);
    }

    @Test
    void documentedPairThroughTheEngineIsInfo() throws Exception {
        Random random = new Random(9);
        String key = ExampleTemplate.expand("{{alnum:64}}", random);
        String secret = ExampleTemplate.expand("{{alnum:64}}", random);
        RuleSet rules = RuleSet.builtIn();
        KnownExamples docs = new KnownExamples(Map.of(KnownExamples.sha256(secret), "public documentation example (test docs)"));
        Engine engine = new Engine(rules, EngineOptions.DEFAULT, new ContextAssembler(rules, AttributionData.builtIn(), docs));
        String text = "{\n  \"exchange\": {\n    \"name\": \"binance\",\n    \"key\": \"" + key + "\",\n    \"secret\": \"" + secret + "\"\n  }\n}\n";
        List<Credential> out = engine.detect(new Blob(Origin.file("config.json"), text.getBytes(StandardCharsets.UTF_8)));
        assertEquals(1, out.size());
        assertEquals("binance", out.get(0).provider());
        assertEquals(Severity.INFO, out.get(0).severity());
        assertEquals("public documentation example (test docs)", out.get(0).primary().note());
    }
}
