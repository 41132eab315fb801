package dev.keyhound.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RuleLoaderTest {
    @TempDir
    Path dir;

    private RuleSet load(String toml) throws Exception {
        Path d = Files.createDirectories(dir.resolve("set" + System.nanoTime()));
        Files.writeString(d.resolve("r.toml"), toml);
        return RuleSet.fromDirectory(d);
    }

    private String error(String toml) {
        RuleFileException e = assertThrows(RuleFileException.class, () -> load(toml));
        assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
        assertTrue(e.getMessage().contains("r.toml"), "names the file: " + e.getMessage());
        return e.getMessage();
    }

    @Test
    void readsEveryKey() throws Exception {
        RuleSet set = load("""
                title = "t"
                description = "d"
                [provider]
                id = "acme"
                name = "Acme Exchange"
                kind = "exchange"
                status = "closed"
                revoke = "https://acme.example/api"
                steps = ["Delete it.", "Make a new one."]

                [[rules]]
                id = "acme-secret"
                description = "Acme secret"
                regex = '''acme_secret\\s*=\\s*([a-z0-9]{32})'''
                secretGroup = 1
                entropy = 3.5
                keywords = ["ACME_Secret"]
                path = '''\\.env$'''
                tags = ["exchange", "secret"]
                part = "secret"
                severity = "critical"
                references = ["https://acme.example/docs"]
                examples = ['acme_secret = {{alnum:32}}']
                negativeExamples = ['acme_secret = nope']
                  [rules.revoke]
                  url = "https://acme.example/keys"
                  [[rules.allowlists]]
                  description = "fixtures"
                  condition = "AND"
                  regexTarget = "line"
                  regexes = ['''^#''']
                  stopwords = ["Sample"]
                  paths = ['''fixtures/''']
                  commits = ["ABCDEF1"]

                [[rules]]
                id = "acme-key"
                regex = '''acme_key=([A-Z]{8})'''
                provider = "other"

                [[allowlists]]
                description = "global"
                paths = ['''vendor/''']
                targetRules = ["acme-key"]
                """);
        Rule r = set.byId("acme-secret").orElseThrow();
        assertEquals("Acme secret", r.description());
        assertEquals(1, r.secretGroup());
        assertEquals(3.5, r.entropy());
        assertEquals(List.of("acme_secret"), r.keywords());
        assertTrue(r.path().matcher("a/.env").find());
        assertEquals(List.of("exchange", "secret"), r.tags());
        assertEquals("acme", r.provider());
        assertEquals("secret", r.part());
        assertEquals(Severity.CRITICAL, r.severity());
        assertEquals("https://acme.example/keys", r.revoke().url());
        assertEquals(List.of("Delete it.", "Make a new one."), r.revoke().steps(), "steps default to the provider's");
        assertEquals(List.of("https://acme.example/docs"), r.references());
        assertEquals(List.of("acme_secret = {{alnum:32}}"), r.examples());
        assertEquals(List.of("acme_secret = nope"), r.negativeExamples());
        Allowlist a = r.allowlists().get(0);
        assertEquals(Allowlist.Condition.AND, a.condition());
        assertEquals("line", a.regexTarget());
        assertEquals(List.of("sample"), a.stopwords());
        assertEquals(List.of("abcdef1"), a.commits());
        assertEquals("fixtures", a.description());

        Rule k = set.byId("acme-key").orElseThrow();
        assertEquals("acme-key", k.description(), "description defaults to the id");
        assertEquals("other", k.provider());
        assertEquals("secret", k.part());
        assertEquals(Severity.HIGH, k.severity());
        assertNull(k.entropy());
        assertEquals(List.of(), k.keywords());
        assertEquals(Revoke.NONE, k.revoke(), "another provider's rule does not inherit this file's revoke page");

        ProviderInfo p = set.provider("acme").orElseThrow();
        assertEquals("Acme Exchange", p.name());
        assertEquals("exchange", p.kind());
        assertEquals("closed", p.status());
        assertEquals("https://acme.example/api", p.revoke().url());
        assertEquals(List.of("acme-key"), set.globalAllowlists().get(0).targetRules());
    }

    @Test
    void ruleWithoutProviderTableIsGeneric() throws Exception {
        Rule r = load("[[rules]]\nid = \"x\"\nregex = 'x=(\\d+)'\n").byId("x").orElseThrow();
        assertEquals("generic", r.provider());
    }

    @Test
    void keysAreCaseInsensitiveLikeGitleaks() throws Exception {
        Rule r = load("[[rules]]\nID = \"x\"\nRegex = 'x=(\\d+)'\nSecretGroup = 1\n[[rules.allowlists]]\nStopWords = [\"a\"]\n")
                .byId("x").orElseThrow();
        assertEquals(1, r.secretGroup());
        assertEquals(List.of("a"), r.allowlists().get(0).stopwords());
    }

    @Test
    void badToml() {
        assertTrue(error("[[rules]\nid = 'x'").contains("bad TOML"));
    }

    @Test
    void badRegex() {
        String m = error("[[rules]]\nid = \"bad\"\nregex = '(unclosed'\n");
        assertTrue(m.contains("rule 'bad'") && m.contains("bad regex"), m);
    }

    @Test
    void perlOnlyRegexSyntaxIsRejected() {
        String m = error("[[rules]]\nid = \"look\"\nregex = '(?<=a)b'\n");
        assertTrue(m.contains("rule 'look'") && m.contains("bad regex"), m);
    }

    @Test
    void unknownKey() {
        String m = error("[[rules]]\nid = \"x\"\nregex = 'a'\nregexx = 'b'\n");
        assertTrue(m.contains("rule 'x'") && m.contains("unknown key 'regexx'"), m);
        assertTrue(error("colour = 1\n").contains("unknown key 'colour'"));
        assertTrue(error("[provider]\nid = 'p'\nurl = 'u'\n").contains("unknown key 'url'"));
        assertTrue(error("[[rules]]\nid = \"x\"\nregex = 'a'\n[[rules.allowlists]]\npath = ['x']\n")
                .contains("unknown key 'path'"));
    }

    @Test
    void duplicateId() {
        String m = error("[[rules]]\nid = \"x\"\nregex = 'a'\n[[rules]]\nid = \"x\"\nregex = 'b'\n");
        assertTrue(m.contains("rule 'x'") && m.contains("duplicate rule id"), m);
    }

    @Test
    void duplicateIdAcrossFilesOfADirectory() throws Exception {
        Path d = Files.createDirectories(dir.resolve("two"));
        Files.writeString(d.resolve("a.toml"), "[[rules]]\nid = \"x\"\nregex = 'a'\n");
        Files.writeString(d.resolve("b.toml"), "[[rules]]\nid = \"x\"\nregex = 'b'\n");
        RuleFileException e = assertThrows(RuleFileException.class, () -> RuleSet.fromDirectory(d));
        assertTrue(e.getMessage().contains("b.toml") && e.getMessage().contains("duplicate"), e.getMessage());
    }

    @Test
    void missingIdAndMissingRegex() {
        assertTrue(error("[[rules]]\nregex = 'a'\n").contains("rule #1 has no id"));
        String m = error("[[rules]]\nid = \"noregex\"\n");
        assertTrue(m.contains("rule 'noregex'") && m.contains("no regex"), m);
    }

    @Test
    void unknownValidator() {
        String m = error("[[rules]]\nid = \"v\"\nregex = 'a'\nvalidate = \"no-such-check\"\n");
        assertTrue(m.contains("rule 'v'") && m.contains("unknown validator 'no-such-check'"), m);
    }

    @Test
    void otherValueErrors() {
        assertTrue(error("[[rules]]\nid = \"s\"\nregex = 'a'\nseverity = \"urgent\"\n").contains("unknown severity 'urgent'"));
        assertTrue(error("[[rules]]\nid = \"g\"\nregex = '(a)'\nsecretGroup = 2\n").contains("secretGroup 2"));
        assertTrue(error("[[rules]]\nid = \"e\"\nregex = 'a'\nentropy = \"high\"\n").contains("'entropy' must be a number"));
        assertTrue(error("[[rules]]\nid = \"c\"\nregex = 'a'\n[[rules.allowlists]]\ncondition = \"XOR\"\nstopwords = ['a']\n")
                .contains("unknown allowlist condition 'XOR'"));
        assertTrue(error("[[rules]]\nid = \"t\"\nregex = 'a'\n[[rules.allowlists]]\nregexTarget = \"file\"\nregexes = ['a']\n")
                .contains("unknown allowlist regexTarget 'file'"));
        assertTrue(error("[[rules]]\nid = \"m\"\nregex = 'a'\n[[rules.allowlists]]\ndescription = \"empty\"\n")
                .contains("at least one of"));
        assertTrue(error("[[rules]]\nid = \"r\"\nregex = 'a'\n[[rules.required]]\nid = \"ghost\"\n")
                .contains("'ghost' does not exist"));
        assertTrue(error("[[rules]]\nid = \"r\"\nregex = 'a'\n[[allowlists]]\nstopwords = ['a']\ntargetRules = ['ghost']\n")
                .contains("'ghost' that does not exist"));
        assertTrue(error("[extend]\nuseDefault = true\npath = \"x.toml\"\n").contains("cannot both be set"));
    }

    @Test
    void oldSingularAllowlistsStillLoad() throws Exception {
        RuleSet set = load("""
                [allowlist]
                paths = ['''^vendor/''']
                [[rules]]
                id = "x"
                regex = 'x'
                [rules.allowlist]
                regexes = ['''^y''']
                """);
        assertEquals(1, set.globalAllowlists().size());
        assertEquals(1, set.byId("x").orElseThrow().allowlists().size());
    }

    @Test
    void builtInSetIsEnumeratedWithoutAnIndex() throws Exception {
        RuleSet set = RuleSet.builtIn();
        assertTrue(set.byId("github-pat").isPresent());
        assertTrue(set.byId("aws-access-token").isPresent());
        assertEquals("aws", set.byId("aws-secret-access-key").orElseThrow().provider());
        assertTrue(set.byId("aws-secret-access-key").orElseThrow().file().startsWith("keyhound/rules/"));
        assertTrue(set.provider("github").orElseThrow().revoke().url().startsWith("https://"));
    }

    @Test
    void withConfigAddsRulesAndDisablesBuiltIns() throws Exception {
        Path cfg = dir.resolve("extra.toml");
        Files.writeString(cfg, """
                [extend]
                useDefault = true
                disabledRules = ["github-pat"]
                [[rules]]
                id = "mine"
                regex = 'mine=([a-z]{10})'
                """);
        RuleSet set = RuleSet.builtIn().withConfig(cfg);
        assertTrue(set.byId("mine").isPresent());
        assertTrue(set.byId("github-pat").isEmpty());
        assertTrue(set.byId("github-oauth").isPresent());
    }
}
