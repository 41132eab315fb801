package dev.keyhound.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RuleCheckTest {
    @TempDir
    Path dir;

    List<RuleCheck.Problem> check(String toml) throws Exception {
        Path d = Files.createDirectories(dir.resolve("c" + System.nanoTime()));
        Files.writeString(d.resolve("x.toml"), toml);
        return new RuleCheck(RuleSet.fromDirectory(d), new Random(1)).run();
    }

    @Test
    void goodRulePasses() throws Exception {
        assertEquals(List.of(), check("""
                [[rules]]
                id = "ok"
                regex = '''\\b(okt_[a-z0-9]{20})\\b'''
                keywords = ["okt_"]
                examples = ['token: "okt_{{lower:20}}"']
                negativeExamples = ['token: "okt_{{lower:5}}"']
                """));
    }

    @Test
    void reportsAnExampleThatDoesNotMatch() throws Exception {
        List<RuleCheck.Problem> p = check("""
                [[rules]]
                id = "short"
                regex = '''okt_([a-z]{30})'''
                keywords = ["okt_"]
                examples = ['okt_{{lower:20}}']
                """);
        assertEquals(1, p.size());
        assertEquals("short", p.get(0).ruleId());
        assertEquals("no finding", p.get(0).why());
    }

    @Test
    void reportsAWrongSecretGroup() throws Exception {
        List<RuleCheck.Problem> p = check("""
                [[rules]]
                id = "wide"
                regex = '''(key\\s*=\\s*[a-z]{20})'''
                keywords = ["key"]
                examples = ['key = {{lower:20}}']
                """);
        assertEquals(1, p.size());
        assertTrue(p.get(0).why().startsWith("finding with the wrong secret"), p.get(0).why());
    }

    @Test
    void reportsAnEntropyThresholdInTheTailOfRandomValues() throws Exception {
        // 32 hex digits average 3.6 bits per char, but one value in 10,000 is at or below 3.0
        String rule = """
                [[rules]]
                id = "hexkey"
                regex = '''hexkey\\s*=\\s*([0-9a-f]{32})\\b'''
                entropy = %s
                keywords = ["hexkey"]
                examples = ['hexkey = {{hex:32}}']
                """;
        List<RuleCheck.Problem> tail = check(rule.formatted("3.0"));
        assertEquals(1, tail.size(), tail.toString());
        String why = tail.get(0).why();
        assertTrue(why.startsWith("entropy 3.00 is within 0.3 of random values of this example"), why);
        assertTrue(why.endsWith("set 2.7 or less") || why.endsWith("set 2.8 or less"), why);
        assertEquals(List.of(), check(rule.formatted("2.6")));
    }

    @Test
    void reportsAMatchingNegativeAndALiteralExample() throws Exception {
        List<RuleCheck.Problem> p = check("""
                [[rules]]
                id = "loose"
                regex = '''okt_([a-z]{5,})'''
                keywords = ["okt_"]
                examples = ['okt_{{lower:20}}', 'okt_literalvalue']
                negativeExamples = ['okt_{{lower:8}}']
                """);
        assertEquals(2, p.size(), p.toString());
        assertTrue(p.stream().anyMatch(x -> x.why().contains("no placeholder")));
        assertTrue(p.stream().anyMatch(x -> x.why().startsWith("negative example gave a finding")));
    }

    @Test
    void secretPlaceholderIsNamedSOrTheLongest() {
        ExampleExpansion named = ExampleExpansion.expand("id={{alnum:40}} pw={{alnum:8#s}}", new Random(2));
        assertEquals(8, named.value().length());
        ExampleExpansion longest = ExampleExpansion.expand("a={{hex:8}} b=\"sk_{{alnum:30}}\"", new Random(2));
        assertEquals(30, longest.value().length());
        assertTrue(longest.isSecret("sk_" + longest.value()), "the literal prefix glued to the value is part of the token");
        assertTrue(longest.isSecret(longest.value()));
        assertFalse(longest.isSecret("b=\"sk_" + longest.value()), "the token stops at = and quotes");
        assertFalse(longest.isSecret(longest.value().substring(1)));
        ExampleExpansion block = ExampleExpansion.expand("key: |\n  -----BEGIN X-----\n  {{base64:64}}\n  {{base64:20}}\n  -----END X-----", new Random(2));
        String pem = block.text().substring(block.text().indexOf("-----BEGIN"));
        assertTrue(block.isSecret(pem), "a secret may span lines");
    }
}
