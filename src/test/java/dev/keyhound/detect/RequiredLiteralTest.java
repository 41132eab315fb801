package dev.keyhound.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.re2j.Pattern;
import dev.keyhound.rules.Allowlist;
import dev.keyhound.rules.ExampleTemplate;
import dev.keyhound.rules.Rule;
import dev.keyhound.rules.RuleSet;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The literal is a necessary condition: wherever the regex finds a match, the text holds it. */
class RequiredLiteralTest {

    @Test
    void findsTheLongestLiteralOutsideGroupsClassesAndQuantifiers() {
        assertEquals("node_modules/", RequiredLiteral.of("(?:^|/)node_modules/"));
        assertEquals("site-packages/", RequiredLiteral.of(
                "(?:^|/)(?:\\.?venv|virtualenv|env)/(?:lib|Lib|lib64)/(?:python[0-9.]*/)?site-packages/"));
        assertEquals("ccxt", RequiredLiteral.of("ccxt(?:\\.pro|\\.async_support|\\.async)?\\.([A-Za-z0-9_]+)\\s*\\("));
        assertEquals("getattr(", RequiredLiteral.of("getattr\\(\\s*ccxt(?:\\.pro|\\.async_support)?\\s*,\\s*[\"']([A-Za-z0-9_]+)[\"']\\s*\\)\\s*\\("));
        assertEquals("\"github.com/", RequiredLiteral.of("\"(github\\.com/[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+)"));
        // a quantified char is not required, and neither is what an escape class or a class stands for
        assertEquals("abc", RequiredLiteral.of("xyz?abc\\d[d]"));
        assertEquals("ab{x}", RequiredLiteral.of("ab{x}c{2}"));
        // a group without alternatives is read through; one with them is not
        assertEquals("AKIA", RequiredLiteral.of("\\b((?:AKIA)[A-Z2-7]{16})\\b"));
        assertEquals("-key", RequiredLiteral.of("\\b((?:A3T[A-Z0-9]|AKIA|ASIA)[A-Z2-7]{16})-key"));
    }

    @Test
    void aGroupWithAlternativesStandsForTheLiteralsOneOfThemHolds() {
        assertEquals(List.of("package-lock.json", "yarn.lock", "go.sum"),
                RequiredLiteral.anyOf("(?:^|/)(?:package-lock\\.json|yarn\\.lock|go\\.sum)$"));
        assertEquals(List.of("abcdef", "ghi"), RequiredLiteral.anyOf("abcdef|ghi"));
        // a single literal whose length beats the alternatives' shortest is preferred
        assertEquals(List.of("/site-packages/"), RequiredLiteral.anyOf("(?:venv|env)/site-packages/"));
        assertNull(RequiredLiteral.anyOf("(?:^|/)(?:abc|)x"));
        assertNull(RequiredLiteral.anyOf("abc|d"));
        Pattern locks = Pattern.compile("(?:^|/)(?:package-lock\\.json|yarn\\.lock)$");
        assertFalse(RequiredLiteral.mayFind(locks, "src/lock.py"));
        assertTrue(RequiredLiteral.mayFind(locks, "web/yarn.lock"));
    }

    @Test
    void givesNoneWhereNothingIsRequiredOrTheRegexIsNotReadSafely() {
        assertNull(RequiredLiteral.of("(?:^|/)(?:package-lock\\.json|yarn\\.lock)$"));
        assertNull(RequiredLiteral.of("abcdef|ghi"));
        assertNull(RequiredLiteral.of("(?i)node_modules/"));
        assertNull(RequiredLiteral.of("(?si)node_modules/"));
        assertNull(RequiredLiteral.of("\\Qnode_modules\\E"));
        assertNull(RequiredLiteral.of("\\x{41}BCDEF"));
        assertNull(RequiredLiteral.of("a"));
        assertNull(RequiredLiteral.of("[A-Z]{20}"));
    }

    @Test
    void aCaseInsensitiveRegexIsRuledOutOnlyWhereNoCaseOfItsLiteralsIsFound() {
        Pattern harmless = Pattern.compile("(?:(?i)(?:sha1|sha256)[-:])|(?:^EXAMPLE_KEY$)");
        assertFalse(RequiredLiteral.mayFind(harmless, "api_key = 'abc'"));
        assertTrue(RequiredLiteral.mayFind(harmless, "digest: SHA256:abc"));
        assertTrue(harmless.matcher("digest: SHA256:abc").find());
        // the literal of the part without the flag is looked for in any case too: more than needed, never less
        assertTrue(RequiredLiteral.mayFind(harmless, "example_key"));
        // RE2 folds the long s into s (Java's lower case keeps it): text past ASCII is left to RE2/J
        Pattern secret = Pattern.compile("(?i)secret");
        assertTrue(secret.matcher("\u017Fecret").find());
        assertTrue(RequiredLiteral.mayFind(secret, "\u017Fecret"));
        assertFalse(RequiredLiteral.mayFind(secret, "api_key"));
    }

    @Test
    void aPatternIsSkippedOnlyWhereItCannotFind() {
        Pattern modules = Pattern.compile("(?:^|/)node_modules/");
        assertFalse(RequiredLiteral.mayFind(modules, "src/app/main.py"));
        assertTrue(RequiredLiteral.mayFind(modules, "web/node_modules/x/index.js"));
        // a case-insensitive flag given to compile is not in the regex text
        Pattern folded = Pattern.compile("node_modules/", Pattern.CASE_INSENSITIVE);
        assertTrue(RequiredLiteral.mayFind(folded, "web/NODE_MODULES/x.js"));
        assertTrue(folded.matcher("web/NODE_MODULES/x.js").find());
    }

    @Test
    void aPartOfATextWithASuffixIsRuledOutOnlyWhereNoneCanMatch() {
        Pattern call = Pattern.compile("okx\\(");
        // the literal "okx(" is in no part of the text, but "okx" ends one and the suffix adds "("
        assertTrue(call.matcher("x = ccxt.okx" + "(").find());
        assertTrue(RequiredLiteral.mayFindInPartWith(List.of(call), "x = ccxt.okx {", "("));
        assertTrue(RequiredLiteral.mayFindInPartWith(List.of(call), "a okx( b", ""));
        assertFalse(RequiredLiteral.mayFindInPartWith(List.of(call), "x = ccxt.kraken {", "("));
        assertFalse(RequiredLiteral.mayFindInPartWith(List.of(call), "x = ccxt.okx {", ""));
        // a literal that is all suffix
        assertTrue(RequiredLiteral.mayFindInPartWith(List.of(Pattern.compile("\\(\\(")), "nothing here", "(("));
        // against RE2/J on every part of random texts, for the attribution's constructor patterns
        List<Pattern> constructors = dev.keyhound.detect.context.AttributionData.builtIn().constructors();
        Random random = new Random(5);
        String[] tokens = {"ccxt", "ccxt", ".", ".", "okx", "pro", "[", "'", "\"", "]", "(", "getattr", ",", " ", "x"};
        int matched = 0;
        for (int n = 0; n < 3000; n++) {
            StringBuilder sb = new StringBuilder();
            for (int i = random.nextInt(9); i > 0; i--) {
                sb.append(tokens[random.nextInt(tokens.length)]);
            }
            String text = sb.toString();
            for (Pattern p : constructors) {
                for (int from = 0; from <= text.length(); from++) {
                    for (int to = from; to <= text.length(); to++) {
                        if (p.matcher(text.substring(from, to) + "(").find()) {
                            matched++;
                            assertTrue(RequiredLiteral.mayFindInPartWith(List.of(p), text, "("), p.pattern() + " in " + text);
                            assertTrue(RequiredLiteral.mayFindInPartWith(constructors, text, "("), text);
                        }
                    }
                }
            }
        }
        assertTrue(matched > 100, "parts matched: " + matched);
    }

    /** Every built-in rule's and allowlist's regex, on its examples and random cuts and mutations of them. */
    @Test
    void neverRulesOutATextWhereRe2jFindsAMatch() throws Exception {
        long seed = new SecureRandom().nextLong();
        Random random = new Random(seed);
        RuleSet set = RuleSet.builtIn();
        int checked = 0;
        int withLiteral = 0;
        for (Rule rule : set.rules()) {
            List<Pattern> patterns = new ArrayList<>();
            if (rule.regex() != null) {
                patterns.add(rule.regex());
            }
            for (Allowlist a : rule.allowlists()) {
                patterns.addAll(a.regexes());
                patterns.addAll(a.paths());
            }
            List<String> texts = new ArrayList<>();
            for (String example : rule.examples()) {
                texts.add(ExampleTemplate.expand(example, random));
            }
            for (int n = 0, base = texts.size(); base > 0 && n < base * 20; n++) {
                texts.add(HyperscanGateTest.mutate(texts.get(random.nextInt(base)), random));
            }
            for (Pattern p : patterns) {
                if (RequiredLiteral.anyOf(p.pattern()) != null) {
                    withLiteral++;
                }
                for (String text : texts) {
                    if (p.matcher(text).find()) {
                        checked++;
                        assertTrue(RequiredLiteral.mayFind(p, text), () -> "seed " + seed + ": " + p.pattern()
                                + " finds a match in " + text + " without " + RequiredLiteral.anyOf(p.pattern()));
                    }
                }
            }
        }
        List<String> paths = List.of("web/node_modules/left-pad/index.js", "node_modules/a.js",
                ".venv/lib/python3.11/site-packages/ccxt/base.py", "env/Lib/site-packages/x.py",
                "lib/site-packages/y.py", "app/bower_components/z.js", "vendor/bundle/ruby/gem.rb",
                "vendor/cache/x.gem", "yarn.lock", "api/package-lock.json", "go.sum", "Cargo.lock");
        for (Allowlist a : set.globalAllowlists()) {
            for (Pattern p : a.paths()) {
                for (int n = 0; n < paths.size() * 20; n++) {
                    String path = n < paths.size() ? paths.get(n) : HyperscanGateTest.mutate(paths.get(random.nextInt(paths.size())), random);
                    if (p.matcher(path).find()) {
                        checked++;
                        assertTrue(RequiredLiteral.mayFind(p, path), () -> "seed " + seed + ": " + p.pattern() + " finds " + path);
                    }
                }
            }
        }
        // the context tables' patterns, which the assembler's regex answers are ruled out with too
        dev.keyhound.detect.context.AttributionData data = dev.keyhound.detect.context.AttributionData.builtIn();
        List<Pattern> tables = new ArrayList<>(List.of(data.harmlessBefore(), data.harmlessValues(), data.harmlessPaths(),
                data.testnet(), data.placeholderValues(), data.notRealComments()));
        tables.addAll(data.constructors());
        tables.addAll(data.imports());
        List<String> words = List.of("api_key = 'YOUR_API_KEY'", "SHA256:abc", "# a Mock key here", "TESTNET_SECRET=", "sandbox: true",
                "ccxt.Binance({", "from binance.client import Client", "env.SECRET", "Test-Key", "paper_trading = '", "yarn.lock");
        for (Pattern p : tables) {
            for (int n = 0; n < words.size() * 30; n++) {
                String text = n < words.size() ? words.get(n) : HyperscanGateTest.mutate(words.get(random.nextInt(words.size())), random);
                if (p.matcher(text).find()) {
                    checked++;
                    assertTrue(RequiredLiteral.mayFind(p, text), () -> "seed " + seed + ": " + p.pattern() + " finds " + text);
                }
            }
        }
        assertTrue(checked > 500, "matches checked: " + checked);
        assertTrue(withLiteral > 10, "regexes with a literal: " + withLiteral);
    }
}
