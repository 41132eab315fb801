package dev.keyhound.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keyhound.detect.context.CredentialAssembler;
import dev.keyhound.rules.ExampleTemplate;
import dev.keyhound.rules.RuleSet;
import dev.keyhound.source.Blob;
import dev.keyhound.source.Origin;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EngineTest {
    @TempDir
    Path dir;
    final Random rnd = new Random(11);

    RuleSet rules(String toml) throws Exception {
        Path d = Files.createDirectories(dir.resolve("r" + System.nanoTime()));
        Files.writeString(d.resolve("rules.toml"), toml);
        return RuleSet.fromDirectory(d);
    }

    static List<Match> scan(Engine e, String path, byte[] bytes) {
        return e.detect(new Blob(Origin.file(path), bytes)).stream().flatMap(c -> c.parts().stream()).toList();
    }

    static List<Match> scan(Engine e, String text) {
        return scan(e, "f.txt", text.getBytes(StandardCharsets.UTF_8));
    }

    String gen(String t) {
        return ExampleTemplate.expand(t, rnd);
    }

    /**
     * The generic rule's keywords name a client or customer only as an id (the words alone hit
     * everywhere in a trading bot): every spelling its regex reads still finds the value.
     */
    @Test
    void theGenericRuleFindsEverySpellingOfAClientOrCustomerId() throws Exception {
        Engine e = new Engine(RuleSet.builtIn(), EngineOptions.DEFAULT, CredentialAssembler.SINGLE);
        Random random = new Random(3);
        for (String name : List.of("clientId", "client_id", "CLIENT-ID", "client.id", "customerid", "Customer_Id",
                "customer-id", "CUSTOMER.ID", "exchange_client_id")) {
            String value = ExampleTemplate.expand("{{alnum:32}}", random);
            List<Match> found = scan(e, "cfg.py", (name + " = \"" + value + "\"\n").getBytes(StandardCharsets.UTF_8));
            assertTrue(found.stream().anyMatch(m -> m.ruleId().equals("generic-api-credential") && m.secret().equals(value)),
                    name + ": " + found);
        }
    }

    static final String SIMPLE = """
            [[rules]]
            id = "kv"
            regex = '''secret\\s*=\\s*"([^"]+)"'''
            keywords = ["secret"]
            """;

    @Test
    void reportsLineColumnEndColumnAndLineText() throws Exception {
        Engine e = new Engine(rules(SIMPLE), EngineOptions.DEFAULT, CredentialAssembler.SINGLE);
        String s = gen("{{alnum:32}}");
        List<Match> ms = scan(e, "a\r\nbb\r\n  secret = \"" + s + "\"\r\n");
        assertEquals(1, ms.size());
        Match m = ms.get(0);
        assertEquals(s, m.secret());
        assertEquals(3, m.line());
        assertEquals(13, m.column());
        assertEquals(13 + 32, m.endColumn());
        assertEquals("  secret = \"" + s + "\"", m.lineText(), "line text without its CR");
        assertEquals("generic", m.provider());
        assertTrue(m.entropy() > 4, "entropy of a random base62 secret");
    }

    /** Lines short and long (past the 4,096 chars read around a match), LF and CRLF, empty ones. */
    @Test
    void lineColumnAndLineTextAgreeWithTheTextsOwnLines() throws Exception {
        Engine e = new Engine(rules(SIMPLE), EngineOptions.DEFAULT, CredentialAssembler.SINGLE);
        int seen = 0;
        for (int round = 0; round < 60; round++) {
            StringBuilder t = new StringBuilder();
            int lines = 1 + rnd.nextInt(12);
            for (int i = 0; i < lines; i++) {
                String pad = "x".repeat(rnd.nextInt(4) == 0 ? 4000 + rnd.nextInt(3000) : rnd.nextInt(30));
                switch (rnd.nextInt(3)) {
                    case 0 -> t.append(pad).append(" secret = \"").append(gen("{{alnum:24}}")).append("\" ")
                            .append("y".repeat(rnd.nextInt(2) == 0 ? 5000 : 3));
                    case 1 -> t.append(pad);
                    default -> { }
                }
                t.append(rnd.nextBoolean() ? "\n" : "\r\n");
            }
            String text = t.toString();
            String[] own = text.split("\n", -1);
            for (Match m : scan(e, text)) {
                String line = own[m.line() - 1];
                line = line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
                assertTrue(line.startsWith(m.secret(), m.column() - 1), "round " + round + ", line " + m.line());
                assertTrue(line.contains(m.lineText()) && !m.lineText().endsWith("\r"), "round " + round);
                assertTrue(m.lineText().contains(m.secret()), "round " + round);
                assertTrue(line.length() > Engine.LINE_TEXT_CAP ? m.lineText().length() <= Engine.LINE_TEXT_CAP
                        : m.lineText().equals(line), "round " + round);
                seen++;
            }
        }
        assertTrue(seen > 60, "secrets seen: " + seen);
    }

    @Test
    void columnsCountCharsNotBytesInUtf8() throws Exception {
        Engine e = new Engine(rules(SIMPLE), EngineOptions.DEFAULT, CredentialAssembler.SINGLE);
        String s = gen("{{alnum:32}}");
        Match m = scan(e, "// ключ — «x»\nпароль secret = \"" + s + "\"\n").get(0);
        assertEquals(2, m.line());
        assertEquals("пароль secret = \"".length() + 1, m.column());
        assertEquals(s, m.secret());
    }

    @Test
    void utf16WithBomIsDecoded() throws Exception {
        Engine e = new Engine(rules(SIMPLE), EngineOptions.DEFAULT, CredentialAssembler.SINGLE);
        String s = gen("{{alnum:32}}");
        String text = "line one\nsecret = \"" + s + "\"\n";
        for (boolean little : new boolean[] {true, false}) {
            byte[] body = text.getBytes(little ? StandardCharsets.UTF_16LE : StandardCharsets.UTF_16BE);
            ByteBuffer b = ByteBuffer.allocate(body.length + 2);
            b.put(little ? new byte[] {(byte) 0xFF, (byte) 0xFE} : new byte[] {(byte) 0xFE, (byte) 0xFF}).put(body);
            List<Match> ms = scan(e, "w.txt", b.array());
            assertEquals(1, ms.size(), little ? "LE" : "BE");
            assertEquals(s, ms.get(0).secret());
            assertEquals(2, ms.get(0).line());
            assertEquals(11, ms.get(0).column());
        }
    }

    @Test
    void utf8BomIsSkipped() throws Exception {
        Engine e = new Engine(rules(SIMPLE), EngineOptions.DEFAULT, CredentialAssembler.SINGLE);
        String s = gen("{{alnum:32}}");
        byte[] body = ("secret = \"" + s + "\"").getBytes(StandardCharsets.UTF_8);
        byte[] b = new byte[body.length + 3];
        b[0] = (byte) 0xEF;
        b[1] = (byte) 0xBB;
        b[2] = (byte) 0xBF;
        System.arraycopy(body, 0, b, 3, body.length);
        Match m = scan(e, "b.txt", b).get(0);
        assertEquals(11, m.column());
    }

    @Test
    void entropyThresholdIsExclusiveAsInGitleaks() throws Exception {
        Engine e = new Engine(rules(SIMPLE.replace("keywords", "entropy = 3.5\nkeywords")), EngineOptions.DEFAULT, CredentialAssembler.SINGLE);
        assertEquals(1, scan(e, "secret = \"" + gen("{{alnum:32}}") + "\"").size());
        String lowEntropy = gen("{{hex:3}}").repeat(3) + "q" + gen("{{hex:3}}").repeat(3);
        assertTrue(Entropy.shannon(lowEntropy) <= 3.5);
        assertEquals(List.of(), scan(e, "secret = \"" + lowEntropy + "\""));
        assertEquals(2.0, Entropy.shannon("abcdabcd"), 1e-9);
        assertEquals(0.0, Entropy.shannon("aaaa"), 1e-9);
    }

    @Test
    void placeholdersAreNeverSecrets() throws Exception {
        Engine e = new Engine(rules(SIMPLE), EngineOptions.DEFAULT, CredentialAssembler.SINGLE);
        for (String p : List.of("your_api_key", "YOUR-SECRET-HERE", "xxxxxxxxxxxxxxxx", "<API_KEY>", "${API_SECRET}",
                "$API_SECRET", "{{ secret_value }}", "changeme", "********", "abcdefghijklmnop", "1234567890",
                "0000000000000000", "os.environ[\"API_SECRET\"]", "process.env.API_SECRET", "%(secret)s",
                "ZYXWVUTSRQ", "${{ secrets.API_KEY }}", "redacted")) {
            assertEquals(List.of(), scan(e, "secret = \"" + p + "\""), p);
        }
        assertEquals(1, scan(e, "secret = \"" + gen("{{alnum:24}}") + "\"").size());
    }

    @Test
    void randomKeysAreNotMistakenForPlaceholders() {
        Random r = new Random(3);
        int flagged = 0;
        for (int i = 0; i < 20000; i++) {
            flagged += PlaceholderFilter.isPlaceholder(ExampleTemplate.expand("{{alnum:40}}", r)) ? 1 : 0;
            flagged += PlaceholderFilter.isPlaceholder(ExampleTemplate.expand("{{hex:32}}", r)) ? 1 : 0;
        }
        assertTrue(flagged < 4, flagged + " of 40000 random keys looked like placeholders");
    }

    @Test
    void inlineAllowCommentsSuppressOrFlag() throws Exception {
        RuleSet set = rules(SIMPLE);
        String s = gen("{{alnum:32}}");
        String text = "secret = \"" + s + "\" // keyhound:allow\nsecret = \"" + gen("{{alnum:32}}") + "\"\n";
        List<Credential> plain = new Engine(set, EngineOptions.DEFAULT, CredentialAssembler.SINGLE).detect(new Blob(Origin.file("a"), text.getBytes()));
        assertEquals(1, plain.size());
        assertEquals(2, plain.get(0).primary().line());
        List<Credential> kept = new Engine(set, new EngineOptions(true, false), CredentialAssembler.SINGLE).detect(new Blob(Origin.file("a"), text.getBytes()));
        assertEquals(2, kept.size());
        Credential allowed = kept.stream().filter(Credential::allowedInline).findFirst().orElseThrow();
        assertEquals(s, allowed.primary().secret());
        assertFalse(kept.stream().filter(c -> c.primary().line() == 2).findFirst().orElseThrow().allowedInline());
    }

    @Test
    void anAllowCommentCountsOnlyOnTheMatchsOwnLines() throws Exception {
        RuleSet set = rules(SIMPLE);
        // Short lines are searched on their own, long ones (a minified file) through the whole text.
        for (String pad : List.of("", "x=1;".repeat(Engine.SIGNATURE_SEARCHED_IN_LINES / 4 + 1))) {
            String text = pad + "secret = \"" + gen("{{alnum:32}}") + "\" // gitleaks:allow\n"
                    + pad + "# keyhound:allow\n"
                    + pad + "secret = \"" + gen("{{alnum:32}}") + "\"\n"
                    + pad + "secret = \"" + gen("{{alnum:32}}") + "\" # keyhound:allo\n"
                    + pad + "x = 1; secret = \"" + gen("{{alnum:32}}") + "\"; y = 2; secret = \"" + gen("{{alnum:32}}")
                    + "\" // keyhound:allow";
            List<Credential> kept = new Engine(set, new EngineOptions(true, false), CredentialAssembler.SINGLE)
                    .detect(new Blob(Origin.file("a"), text.getBytes()));
            Map<Integer, List<Boolean>> allowedByLine = new java.util.TreeMap<>();
            for (Credential c : kept) {
                allowedByLine.computeIfAbsent(c.primary().line(), k -> new ArrayList<>()).add(c.allowedInline());
            }
            assertEquals(Map.of(1, List.of(true), 3, List.of(false), 4, List.of(false), 5, List.of(true, true)), allowedByLine,
                    "the signature on the match's line, up to the text's end; not a line before, not cut short (pad "
                            + pad.length() + ")");
        }
    }

    @Test
    void onlyReportLinesAreReported() throws Exception {
        Engine e = new Engine(rules(SIMPLE), EngineOptions.DEFAULT, CredentialAssembler.SINGLE);
        StringBuilder t = new StringBuilder();
        for (int i = 1; i <= 4; i++) {
            t.append("secret = \"").append(gen("{{alnum:30}}")).append("\"\n");
        }
        BitSet lines = new BitSet();
        lines.set(2);
        lines.set(4);
        List<Credential> cs = e.detect(new Blob(Origin.file("x"), t.toString().getBytes(), lines));
        assertEquals(List.of(2, 4), cs.stream().map(c -> c.primary().line()).toList());
    }

    @Test
    void megabyteSingleLineIsScannedAndLineTextIsCut() throws Exception {
        Engine e = new Engine(rules(SIMPLE), EngineOptions.DEFAULT, CredentialAssembler.SINGLE);
        String s = gen("{{alnum:40}}");
        String filler = "var a=function(b){return b+1};".repeat(17000);
        String text = filler + "secret = \"" + s + "\";" + filler;
        assertTrue(text.length() > 1_000_000);
        List<Match> ms = scan(e, text);
        assertEquals(1, ms.size());
        Match m = ms.get(0);
        assertEquals(1, m.line());
        assertEquals(filler.length() + 11, m.column());
        assertTrue(m.lineText().length() <= Engine.LINE_TEXT_CAP, "cut to " + m.lineText().length());
        assertTrue(m.lineText().contains(s));
    }

    @Test
    void fiftyMegabyteBlobIsScannedWhenAllowed() throws Exception {
        Engine e = new Engine(RuleSet.builtIn(), EngineOptions.DEFAULT);
        String token = "ghp_" + gen("{{alnum:36}}");
        byte[] line = "some ordinary source code line, nothing to see here; key rotation is done elsewhere\n"
                .getBytes(StandardCharsets.US_ASCII);
        byte[] tail = ("token = " + token + "\n").getBytes(StandardCharsets.US_ASCII);
        int lines = 50 * 1024 * 1024 / line.length;
        byte[] big = new byte[lines * line.length + tail.length];
        for (int i = 0; i < lines; i++) {
            System.arraycopy(line, 0, big, i * line.length, line.length);
        }
        System.arraycopy(tail, 0, big, lines * line.length, tail.length);
        List<Match> ms = scan(e, "big.txt", big);
        assertEquals(1, ms.size());
        assertEquals(token, ms.get(0).secret());
        assertEquals(lines + 1, ms.get(0).line());
    }

    @Test
    void providerRuleWinsOverGenericOnTheSameSecret() throws Exception {
        // The built-in rules without keyhound's own generic rule: this is about a provider rule
        // (github-pat) and a user's generic one, on the engine's overlap step.
        RuleSet set = RuleSet.builtIn().without(java.util.Set.of("generic-api-credential"));
        Path extra = dir.resolve("generic.toml");
        Files.writeString(extra, """
                [[rules]]
                id = "generic-token"
                regex = '''(?i)token\\s*[:=]\\s*"?([A-Za-z0-9_]{20,})'''
                keywords = ["token"]
                """);
        Engine e = new Engine(set.withConfig(extra), EngineOptions.DEFAULT);
        String ghp = "ghp_" + gen("{{alnum:36}}");
        List<Match> ms = scan(e, "token = \"" + ghp + "\"\n");
        assertEquals(List.of("github-pat"), ms.stream().map(Match::ruleId).toList());
        String other = gen("{{alnum:30}}");
        assertEquals(List.of("generic-token"), scan(e, "token = \"" + other + "\"\n").stream().map(Match::ruleId).toList());
    }

    /** keyhound's generic rule through the engine a scan runs: only generated-looking values are reported. */
    @Test
    void genericRuleReportsOnlyGeneratedLookingValues() throws Exception {
        Engine e = new Engine(RuleSet.builtIn(), EngineOptions.DEFAULT);
        assertEquals(List.of(), scan(e, "key=" + gen("{{lower:12}}") + "\n"), "short, one letter case");
        assertEquals(List.of(), scan(e, "api_secret = \"" + gen("{{lower:24}}") + "\"\n"), "long, letters of one case only");
        assertEquals(List.of(), scan(e, "api_secret = \"" + "ab12".repeat(6) + "\"\n"), "mixed but low entropy");
        String real = gen("{{alnum:32}}");
        assertEquals(List.of("generic-api-credential:" + real),
                scan(e, "api_secret = \"" + real + "\"\n").stream().map(m -> m.ruleId() + ":" + m.secret()).toList());
        String hex = gen("{{hex:32}}");
        assertEquals(1, scan(e, "token = \"" + hex + "\"\n").size(), "hex keys mix digits and letters");
    }

    /** binance's and binanceus' rules find the same value; the finding carries the rule of the provider named. */
    @Test
    void aSharedMatchCarriesTheAttributedProvidersRule() throws Exception {
        Engine e = new Engine(RuleSet.builtIn(), EngineOptions.DEFAULT);
        String secret = gen("{{alnum:64}}");
        List<Match> ms = scan(e, "BINANCEUS_API_SECRET=" + secret + "\n");
        assertEquals(List.of("binanceus-api-credential:binanceus:" + secret),
                ms.stream().map(m -> m.ruleId() + ":" + m.provider() + ":" + m.secret()).toList());
    }

    /** "example" is a BIP39 word: a checksummed phrase holding it is still a seed phrase. */
    @Test
    void aValidatedSecretIsNotAPlaceholderForHoldingExample() throws Exception {
        Engine e = new Engine(RuleSet.builtIn(), EngineOptions.DEFAULT);
        List<String> words;
        try (java.io.InputStream in = Engine.class.getResourceAsStream("/keyhound/bip39-english.txt")) {
            words = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::trim).filter(w -> !w.isEmpty()).toList();
        }
        int index = words.indexOf("example"); // the first word is the entropy's first 11 bits
        byte[] entropy = new byte[16];
        rnd.nextBytes(entropy);
        entropy[0] = (byte) (index >> 3);
        entropy[1] = (byte) ((index & 7) << 5 | entropy[1] & 0x1f);
        String phrase = dev.keyhound.detect.validate.Bip39.fromEntropy(entropy);
        assertTrue(phrase.startsWith("example "), phrase);
        String found = phrase;
        assertTrue(scan(e, "mnemonic = \"" + phrase + "\"\n").stream().anyMatch(m -> m.secret().equals(found)));
        assertTrue(PlaceholderFilter.isPlaceholder("api_key_example_" + gen("{{alnum:16}}")), "unvalidated values still are");
    }

    /** AWS's documented key id is reported as what it is (info, with a note), not dropped as a placeholder. */
    @Test
    void aPublicDocumentationExampleIsReportedAsInfo() throws Exception {
        Engine e = new Engine(RuleSet.builtIn(), EngineOptions.DEFAULT);
        String documented = "AKIA" + "IOSFODNN7" + "EXAMPLE"; // built here so no file holds it whole
        List<Match> ms = scan(e, "aws_access_key_id = " + documented + "\n");
        assertEquals(1, ms.size());
        assertEquals(dev.keyhound.rules.Severity.INFO, ms.get(0).severity());
        assertTrue(ms.get(0).note().startsWith("public documentation example"), ms.get(0).note());
        assertEquals(List.of(), scan(e, "aws_access_key_id = AKIA" + gen("{{upper:9}}") + "EXAMPLE\n"),
                "other values holding EXAMPLE are still placeholders");
    }

    @Test
    void assemblerGetsTheDecodedTextAndEveryMatchInOrder() throws Exception {
        AtomicReference<String> seenText = new AtomicReference<>();
        List<Match> seen = new ArrayList<>();
        CredentialAssembler capture = (blob, text, matches) -> {
            seenText.set(text);
            seen.addAll(matches);
            return List.of(new Credential("paired", matches.get(0).severity(), matches));
        };
        Engine e = new Engine(rules(SIMPLE), EngineOptions.DEFAULT, capture);
        String a = gen("{{alnum:30}}");
        String b = gen("{{alnum:30}}");
        String text = "secret = \"" + a + "\"\nx\nsecret = \"" + b + "\"\n";
        List<Credential> cs = e.detect(new Blob(Origin.file("p"), text.getBytes()));
        assertEquals(text, seenText.get());
        assertEquals(List.of(a, b), seen.stream().map(Match::secret).toList());
        assertEquals(1, cs.size());
        assertEquals(2, cs.get(0).parts().size());
    }

    @Test
    void ruleWithoutKeywordsRunsEverywhereAndRulePathLimitsWhereARuleRuns() throws Exception {
        Engine e = new Engine(rules("""
                [[rules]]
                id = "pin"
                regex = '''PIN:(\\d{6})\\b'''
                path = '''\\.ini$'''
                """), EngineOptions.DEFAULT, CredentialAssembler.SINGLE);
        String pin = "PIN:" + "804271";
        assertEquals(1, scan(e, "c.ini", pin.getBytes()).size());
        assertEquals(0, scan(e, "c.txt", pin.getBytes()).size());
    }

    /**
     * Windows around keyword hits must find exactly what the same rules find over the whole text:
     * secrets before and after their keyword, a few lines away, at the very start and end of the
     * text, on lines longer than the window caps.
     */
    @Test
    void windowsFindWhatWholeTextMatchingFinds() throws Exception {
        String windowed = """
                [[rules]]
                id = "after"
                regex = '''(?i)apikey\\s*[:=]\\s*"?([a-z0-9]{20})\\b'''
                keywords = ["apikey"]
                [[rules]]
                id = "before"
                regex = '''\\b([a-z0-9]{24})\\s*#\\s*vaultref'''
                keywords = ["vaultref"]
                [[rules]]
                id = "nextlines"
                regex = '''(?i)hdr:\\s+val=([A-Z]{16})'''
                keywords = ["hdr:"]
                """;
        Engine win = new Engine(rules(windowed), EngineOptions.DEFAULT, CredentialAssembler.SINGLE);
        Engine whole = new Engine(rules(windowed.replaceAll("keywords = .*", "")), EngineOptions.DEFAULT, CredentialAssembler.SINGLE);
        Random r = new Random(5);
        int total = 0;
        for (int round = 0; round < 200; round++) {
            StringBuilder t = new StringBuilder();
            int lines = 1 + r.nextInt(30);
            for (int i = 0; i < lines; i++) {
                switch (r.nextInt(7)) {
                    case 0 -> t.append("ApiKey = \"").append(ExampleTemplate.expand("{{lower:20}}", r)).append('"');
                    case 1 -> t.append(ExampleTemplate.expand("{{digits:24}}", r)).append(" # vaultref");
                    case 2 -> t.append("hdr:\n  val=").append(ExampleTemplate.expand("{{upper:16}}", r));
                    case 3 -> t.append("x".repeat(r.nextInt(4000))).append(" apikey: ")
                            .append(ExampleTemplate.expand("{{lower:20}}", r)).append(" ").append("y".repeat(r.nextInt(4000)));
                    case 4 -> t.append("apikey vaultref hdr: noise");
                    default -> t.append("plain line ").append(i);
                }
                if (i < lines - 1 || r.nextBoolean()) {
                    t.append(r.nextBoolean() ? "\n" : "\r\n");
                }
            }
            String text = t.toString();
            List<String> a = scan(win, text).stream().map(m -> m.ruleId() + "@" + m.line() + ":" + m.column()).toList();
            List<String> b = scan(whole, text).stream().map(m -> m.ruleId() + "@" + m.line() + ":" + m.column()).toList();
            assertEquals(b, a, "round " + round);
            total += a.size();
        }
        assertTrue(total > 300, "the generated texts hold many secrets: " + total);
    }

    @Test
    void aSecretLongerThanTheWindowOnALongLineIsNotCutShort() throws Exception {
        Engine e = new Engine(rules("""
                [[rules]]
                id = "long"
                regex = '''(?i)blobtok=([a-z0-9]{100,})'''
                keywords = ["blobtok="]
                """), EngineOptions.DEFAULT, CredentialAssembler.SINGLE);
        String secret = gen("{{alnum:5000}}").toLowerCase(java.util.Locale.ROOT);
        String text = "x".repeat(3000) + " blobtok=" + secret + " " + "y".repeat(3000);
        List<Match> ms = scan(e, text);
        assertEquals(1, ms.size());
        assertEquals(secret, ms.get(0).secret());
    }

    @Test
    void aRegexThatCannotCrossALineNeedsNoContextLines() {
        assertFalse(Engine.mayMatchLineBreak("\\b(ghp_[0-9A-Za-z]{36})\\b"));
        assertFalse(Engine.mayMatchLineBreak("(?i)key[_.-]?[=:]([A-Za-z0-9+/]{40})"));
        assertTrue(Engine.mayMatchLineBreak("key\\s*=\\s*(\\w+)"));
        assertTrue(Engine.mayMatchLineBreak("key=\"([^\"]+)\""));
        // a final terminator is the only place these can match a line break: one-line windows
        assertTrue(Engine.lineBreakOnlyEnds("(?i)binance[\\w.-]{0,30}?[=:]((?-i:[A-Za-z0-9]{64}))(?:[^A-Za-z0-9+/=_-]|$)"));
        assertFalse(Engine.lineBreakOnlyEnds("(?i)key\\s*=\\s*([A-Za-z0-9]{64})(?:[^A-Za-z0-9]|$)"));
        assertFalse(Engine.lineBreakOnlyEnds("(?i)(?:^|[^\\w])key=([A-Za-z0-9]{64})(?:[^A-Za-z0-9]|$)"));
        assertFalse(Engine.lineBreakOnlyEnds("\\b(ghp_[0-9A-Za-z]{36})\\b"));
        assertTrue(Engine.hasLiteralPrefix("(SK[0-9a-f]{32})\\b"));
        assertFalse(Engine.hasLiteralPrefix("\\b(SK[0-9a-f]{32})"));
        assertFalse(Engine.hasLiteralPrefix("(?i)(SK[0-9a-f]{32})"));
        assertFalse(Engine.hasLiteralPrefix("(ab|cd)x"));
        assertFalse(Engine.hasLiteralPrefix("a?bc"));
    }

    @Test
    void compositeWithinColumnsComparesMatchStartColumns() throws Exception {
        Engine e = new Engine(rules("""
                [[rules]]
                id = "user"
                regex = '''user=([a-z]{8})'''
                keywords = ["user="]
                skipReport = true
                [[rules]]
                id = "pass"
                regex = '''pass=([A-Za-z0-9]{16})'''
                keywords = ["pass="]
                  [[rules.required]]
                  id = "user"
                  withinLines = 1
                  withinColumns = 4
                """), EngineOptions.DEFAULT, CredentialAssembler.SINGLE);
        String u = gen("{{lower:8}}");
        String p = gen("{{alnum:16}}");
        assertEquals(List.of("pass"), scan(e, "  user=" + u + "\n    pass=" + p + "\n").stream().map(Match::ruleId).toList());
        assertEquals(List.of(), scan(e, "user=" + u + "\n          pass=" + p + "\n"), "10 columns apart");
    }

    @Test
    void aKeywordHitInTheWrongCaseCannotStartACaseSensitiveLiteral() throws Exception {
        assertEquals("ghp_", Engine.requiredLiteral("\\b(ghp_[0-9A-Za-z]{36})\\b"));
        assertEquals("SK", Engine.requiredLiteral("(SK[0-9a-fA-F]{32})\\b"));
        assertEquals(null, Engine.requiredLiteral("(?i)\\b(ghp_[0-9A-Za-z]{36})"));
        assertEquals(null, Engine.requiredLiteral("\\b(?:ghp|gho)_x"));
        assertEquals(null, Engine.requiredLiteral("SK+x"));
        Engine e = new Engine(RuleSet.builtIn(), EngineOptions.DEFAULT);
        String sid = "SK" + gen("{{hex:32}}");
        assertEquals(List.of("twilio-api-key"), scan(e, "ask the task: " + sid + "\n").stream().map(Match::ruleId).toList());
        assertEquals(List.of(), scan(e, "ask the task: sk" + sid.substring(2) + "\n"));
        String wide = "\uFEFFsk, disk " + sid;
        assertEquals(List.of(sid), scan(e, "w.txt", wide.getBytes(StandardCharsets.UTF_16LE)).stream()
                .map(Match::secret).toList(), "UTF-16: hits are checked in chars");
    }

    @Test
    void engineIsSafeToShareAcrossThreads() throws Exception {
        Engine e = new Engine(RuleSet.builtIn(), EngineOptions.DEFAULT);
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            tokens.add("ghp_" + gen("{{alnum:36}}"));
        }
        List<String> found = java.util.Collections.synchronizedList(new ArrayList<>());
        tokens.parallelStream().forEach(t -> scan(e, "x = " + t + "\n").forEach(m -> found.add(m.secret())));
        assertEquals(new java.util.TreeSet<>(tokens), new java.util.TreeSet<>(found));
    }
    @Test
    void firstEndingAfterFromANearbyAnswerIsTheBinarySearchsAnswer() {
        for (int round = 0; round < 200; round++) {
            int pairs = rnd.nextInt(12);
            int[] ranges = new int[pairs * 2];
            int at = 0;
            for (int p = 0; p < pairs; p++) {
                at += rnd.nextInt(20); // adjacent pairs too
                ranges[p * 2] = at;
                at += 1 + rnd.nextInt(20);
                ranges[p * 2 + 1] = at;
            }
            int near = 0;
            for (int q = 0; q < 50; q++) {
                int offset = rnd.nextInt(at + 30);
                near = Engine.firstEndingAfter(ranges, offset, near);
                assertEquals(Engine.firstEndingAfter(ranges, offset), near,
                        "offset " + offset + " in " + java.util.Arrays.toString(ranges));
            }
        }
    }

    @Test
    void ruleAllowlistsByPathAndByCommitHoldForEveryVersionOfAPath() throws Exception {
        String toml = SIMPLE + """
                  [[rules.allowlists]]
                  paths = ['''^fixtures/''']
                  [[rules.allowlists]]
                  commits = ["1111111111111111111111111111111111111111"]
                """;
        Engine e = new Engine(rules(toml), EngineOptions.DEFAULT, CredentialAssembler.SINGLE);
        byte[] text = ("secret = \"" + gen("{{alnum:24}}") + "\"\n").getBytes(StandardCharsets.UTF_8);
        String other = "2222222222222222222222222222222222222222";
        java.util.function.BiFunction<String, String, Integer> found = (path, commit) ->
                e.detect(new Blob(new Origin(Origin.Kind.GIT_HISTORY, path, null, commit), text)).size();
        // The same path asked twice, in another commit: the second answer comes from what the first remembered.
        assertEquals(0, found.apply("fixtures/a.py", other));
        assertEquals(0, found.apply("fixtures/a.py", other));
        assertEquals(1, found.apply("src/a.py", other));
        // A commit allowlist makes the verdict depend on the commit, so it is not remembered per path.
        assertEquals(0, found.apply("src/a.py", "1111111111111111111111111111111111111111"));
        assertEquals(1, found.apply("src/a.py", other));
    }

    @Test
    void ruleAllowlistsByPathAloneAreRememberedPerPathAndStillRight() throws Exception {
        String toml = SIMPLE + """
                  [[rules.allowlists]]
                  paths = ['''^fixtures/''']
                """;
        Engine e = new Engine(rules(toml), EngineOptions.DEFAULT, CredentialAssembler.SINGLE);
        byte[] text = ("secret = \"" + gen("{{alnum:24}}") + "\"\n").getBytes(StandardCharsets.UTF_8);
        for (int round = 0; round < 3; round++) {
            for (String path : List.of("fixtures/a.py", "src/fixtures/a.py", "src/a.py")) {
                int expected = path.startsWith("fixtures/") ? 0 : 1;
                assertEquals(expected, e.detect(new Blob(new Origin(Origin.Kind.GIT_HISTORY, path, null,
                        "2222222222222222222222222222222222222222"), text)).size(), path);
            }
        }
    }

    @Test
    void aGlobalPathAllowlistSkipsTheBlobWhateverItHolds() throws Exception {
        Engine e = new Engine(RuleSet.builtIn(), EngineOptions.DEFAULT);
        byte[] key = ("aws_access_key_id = " + gen("AKIA{{base32:16}}") + "\n").getBytes(StandardCharsets.UTF_8);
        assertEquals(List.of(), e.detect(new Blob(Origin.file("web/node_modules/pkg/config.py"), key)));
        assertFalse(e.detect(new Blob(Origin.file("web/config.py"), key)).isEmpty());
    }
}
