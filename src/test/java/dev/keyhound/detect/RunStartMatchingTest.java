package dev.keyhound.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.re2j.Matcher;
import dev.keyhound.detect.context.CredentialAssembler;
import dev.keyhound.rules.Rule;
import dev.keyhound.rules.RuleSet;
import dev.keyhound.source.Blob;
import dev.keyhound.source.Origin;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Rules whose regex starts with a lazy run are matched anchored at the runs that hold keyword
 * hits: that must find exactly what the regex's find() finds over the whole text.
 */
class RunStartMatchingTest {
    @Test
    void theRunShapesAreRecognisedFromTheRegex() {
        assertTrue(Engine.RUN_START.matcher("(?i)[\\w.-]*?binance[\\w.-]{0,30}?x").find());
        assertTrue(Engine.RUN_START.matcher("(?im)(?:^|[^\\w.-])([\\w.-]*?(?:key|uid))x").find());
        assertFalse(Engine.RUN_START.matcher("(?i)\\b(ghp_[0-9a-z]{36})").find());
        java.util.regex.Matcher differentClasses = Engine.RUN_START.matcher("(?:^|[^\\w])([\\w.-]*?key)");
        assertTrue(differentClasses.find() && !differentClasses.group(2).equals(differentClasses.group(3)),
                "a separator of another class is no run start: the engine does not anchor such a rule");
    }

    @Test
    void anchoredMatchingFindsWhatFindFindsOnRandomCode() throws Exception {
        for (String id : List.of("generic-api-credential", "binance-api-credential", "okx-api-passphrase")) {
            Rule builtIn = RuleSet.builtIn().byId(id).orElseThrow();
            // no entropy or validator: every regex match counts
            Rule rule = new Rule(builtIn.id(), builtIn.description(), builtIn.regex(), builtIn.secretGroup(), null,
                    builtIn.keywords(), null, builtIn.tags(), List.of(), builtIn.provider(), builtIn.part(),
                    builtIn.severity(), builtIn.revoke(), builtIn.references(), null, List.of(), List.of(), builtIn.file());
            Engine engine = new Engine(RuleSet.of(List.of(rule), List.of(), Map.of()), EngineOptions.DEFAULT,
                    CredentialAssembler.SINGLE);
            long seed = new Random().nextLong();
            Random random = new Random(seed);
            String[] pieces = {"api_key", "API_SECRET", "self.", "okx_", "binance.", "token", "customer_id", "pass",
                "x.y-z", "_", "=", ":", " = ", ": ", "\"", "'", ",", "\n", "(", ")", " ", "\t", "=>", "# ", "-"};
            for (int n = 0; n < 300; n++) {
                StringBuilder sb = new StringBuilder();
                for (int j = random.nextInt(40); j >= 0; j--) {
                    if (random.nextInt(5) == 0) {
                        sb.append(value(random));
                    } else {
                        sb.append(pieces[random.nextInt(pieces.length)]);
                    }
                }
                String text = sb.toString();
                TreeSet<String> expected = new TreeSet<>();
                Matcher m = rule.regex().matcher(text);
                while (m.find()) {
                    String secret = m.group(rule.secretGroup() > 0 ? rule.secretGroup() : 1);
                    if (secret != null && !PlaceholderFilter.isPlaceholder(secret, false)) {
                        expected.add(secret + "@" + m.start(rule.secretGroup() > 0 ? rule.secretGroup() : 1));
                    }
                }
                TreeSet<String> got = new TreeSet<>();
                LineOffsets lines = new LineOffsets(text);
                for (Credential c : engine.detect(new Blob(Origin.file("a.py"), text.getBytes(StandardCharsets.UTF_8)))) {
                    Match p = c.primary();
                    got.add(p.secret() + "@" + lines.offset(p.line(), p.column()));
                }
                assertEquals(expected, got, id + " seed " + seed + " on: " + text);
            }
        }
    }

    private static String value(Random random) {
        String alnum = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        StringBuilder sb = new StringBuilder();
        int len = random.nextBoolean() ? 64 : 4 + random.nextInt(30);
        for (int i = 0; i < len; i++) {
            sb.append(alnum.charAt(random.nextInt(alnum.length())));
        }
        return sb.toString();
    }

    /** 0-based offset of a 1-based line and column. */
    private record LineOffsets(String text) {
        int offset(int line, int column) {
            int at = 0;
            for (int l = 1; l < line; l++) {
                at = text.indexOf('\n', at) + 1;
            }
            return at + column - 1;
        }
    }

}
