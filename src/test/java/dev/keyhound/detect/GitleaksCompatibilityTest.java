package dev.keyhound.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keyhound.rules.ExampleTemplate;
import dev.keyhound.rules.RuleSet;
import dev.keyhound.source.Blob;
import dev.keyhound.source.Origin;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A config written the way gitleaks documents it loads unchanged and finds what gitleaks would. */
class GitleaksCompatibilityTest {
    static final String CONFIG = """
            title = "team gitleaks config"

            [extend]
            useDefault = true
            disabledRules = ["github-pat"]

            [[rules]]
            id = "acme-token"
            description = "Acme token (gitleaks' semi-generic shape)"
            regex = '''(?i)[\\w.-]{0,50}?(?:acme)(?:[ \\t\\w.-]{0,20})[\\s'"]{0,3}(?:=|>|:{1,3}=|\\|\\||:|=>|\\?=|,)[\\x60'"\\s=]{0,5}([a-z0-9]{32})(?:[\\x60'"\\s;]|\\\\[nrt]|$)'''
            secretGroup = 1
            entropy = 3
            keywords = ["acme"]
            tags = ["acme"]
              [[rules.allowlists]]
              stopwords = ["sample"]
              [[rules.allowlists]]
              regexTarget = "line"
              regexes = ['''#\\s*noqa''']
              [[rules.allowlists]]
              condition = "AND"
              paths = ['''^test/''']
              regexes = ['''^fake''']
              [[rules.allowlists]]
              commits = ["1111111111111111111111111111111111111111"]

            [[rules]]
            id = "acme-key-id"
            regex = '''\\b(?-i:AK)(?i:[0-9a-z]{10})\\b'''
            keywords = ["ak"]
            skipReport = true

            [[rules]]
            id = "acme-key-secret"
            regex = '''(?i)secret\\s*=\\s*([0-9a-z]{40})\\b'''
            keywords = ["secret"]
              [[rules.required]]
              id = "acme-key-id"
              withinLines = 1

            [[rules]]
            id = "keystore-file"
            description = "PKCS#12 file"
            path = '''\\.p12$'''

            [[rules]]
            id = "old-style"
            regex = '''oldtoken=([a-z]{24})'''
            path = '''\\.cfg$'''
              [rules.allowlist]
              regexTarget = "match"
              regexes = ['''^oldtoken=zz''']

            [[rules]]
            id = "github-oauth"
              [[rules.allowlists]]
              paths = ['''^docs/''']

            [[allowlists]]
            description = "lockfiles, acme only"
            paths = ['''\\.lock$''']
            targetRules = ["acme-token"]

            [[allowlists]]
            description = "vendored code"
            paths = ['''^vendor/''']
            """;

    static Engine engine;
    static final Random RND = new Random(7);

    @BeforeAll
    static void load(@TempDir Path dir) throws Exception {
        Path cfg = dir.resolve(".gitleaks.toml");
        Files.writeString(cfg, CONFIG);
        // The user's config over keyhound's provider rules, without keyhound's own catch-all generic
        // rule (which rightly reports "secret = <40 random chars>" too): these tests are about
        // gitleaks' semantics. Through the default engine, so with the context assembler a scan runs.
        engine = new Engine(RuleSet.builtIn().withConfig(cfg).without(java.util.Set.of("generic-api-credential")),
                EngineOptions.DEFAULT);
    }

    static String gen(String template) {
        return ExampleTemplate.expand(template, RND);
    }

    static List<Match> scan(String path, String text) {
        return scan(new Origin(Origin.Kind.FILE, path, null, null), text);
    }

    static List<Match> scan(Origin origin, String text) {
        return engine.detect(new Blob(origin, text.getBytes(StandardCharsets.UTF_8)))
                .stream().flatMap(c -> c.parts().stream()).toList();
    }

    static List<String> ids(List<Match> ms) {
        return ms.stream().map(Match::ruleId).toList();
    }

    @Test
    void semiGenericRuleFindsItsSecretGroup() {
        String secret = gen("{{lower:16}}{{digits:16}}");
        List<Match> ms = scan("app.py", "ACME_API_KEY = \"" + secret + "\"\n");
        assertEquals(List.of("acme-token"), ids(ms));
        assertEquals(secret, ms.get(0).secret());
        assertEquals(17, ms.get(0).column());
    }

    /**
     * A user's gitleaks rule (provider "generic" only by default) through the engine a scan runs,
     * with every built-in rule including keyhound's own generic one: reported exactly as the user's
     * rule found it, even a value the context assembler would drop as having no credential shape
     * (short, lower-case, assigned to a name that names no credential part), and not twice.
     */
    @Test
    void userRulesPassTheContextAssemblerUntouched(@TempDir Path dir) throws Exception {
        Path cfg = dir.resolve(".gitleaks.toml");
        Files.writeString(cfg, """
                [[rules]]
                id = "db-password"
                regex = '''(?i)(?:password|db_url)\\s*=\\s*"([^"]+)"'''
                keywords = ["password", "db_url"]
                """);
        Engine full = new Engine(RuleSet.builtIn().withConfig(cfg), EngineOptions.DEFAULT);
        String weak = gen("{{lower:9}}");
        String strong = gen("{{alnum:32}}");
        String text = "db_url = \"" + weak + "\"\npassword = \"" + strong + "\"\n";
        List<Match> ms = full.detect(new Blob(Origin.file("settings.py"), text.getBytes(StandardCharsets.UTF_8)))
                .stream().flatMap(c -> c.parts().stream()).toList();
        assertEquals(List.of("db-password:" + weak, "db-password:" + strong),
                ms.stream().map(m -> m.ruleId() + ":" + m.secret()).toList());
        assertEquals(List.of("generic", "generic"), ms.stream().map(Match::provider).toList());
    }

    @Test
    void ruleAllowlistsBehaveAsInGitleaks() {
        String tail = gen("{{lower:26}}");
        assertEquals(List.of(), scan("a.py", "acme_key = sample" + tail + "\n"), "stopword in the secret");
        String s = gen("{{lower:32}}");
        assertEquals(List.of(), scan("a.py", "acme_key = " + s + "  # noqa\n"), "regexTarget line");
        String fake = "fake" + gen("{{lower:28}}");
        assertEquals(List.of(), scan("test/a.py", "acme_key = " + fake + "\n"), "AND: path and regex both match");
        assertEquals(1, scan("src/a.py", "acme_key = " + fake + "\n").size(), "AND: regex alone is not enough");
        assertEquals(1, scan("test/a.py", "acme_key = " + s + "\n").size(), "AND: path alone is not enough");
        Origin inCommit = new Origin(Origin.Kind.GIT_RANGE, "a.py", "ab", "1111111111111111111111111111111111111111");
        assertEquals(List.of(), scan(inCommit, "acme_key = " + s + "\n"), "allowed commit");
        Origin other = new Origin(Origin.Kind.GIT_RANGE, "a.py", "ab", "2222222222222222222222222222222222222222");
        assertEquals(1, scan(other, "acme_key = " + s + "\n").size());
    }

    @Test
    void globalAllowlistsWithAndWithoutTargetRules() {
        String s = gen("{{lower:32}}");
        String gho = "gho_" + gen("{{alnum:36}}");
        String text = "acme_key = " + s + "\ntoken = " + gho + "\n";
        assertEquals(List.of("github-oauth"), ids(scan("deps/acme.lock", text)), "targetRules limits the allowlist");
        assertEquals(List.of(), scan("vendor/x.rb", text));
        assertEquals(List.of("acme-token", "github-oauth"), ids(scan("x.rb", text)));
    }

    /**
     * A path regex allows a whole directory at once only when no char after the directory can
     * undo its match there: one that tests an end ('$', '\\B') is asked path by path.
     */
    @Test
    void aDirectoryIsAllowedWholeOnlyByARegexThatTestsNoEnd(@TempDir Path dir) throws Exception {
        Path cfg = dir.resolve(".gitleaks.toml");
        Files.writeString(cfg, """
                [extend]
                useDefault = true

                [[allowlists]]
                paths = ['''(?:^|/)third_party/''', '''(?:^|/)build/$''', '''(?:^|/)data/\\B''']
                """);
        Engine e = new Engine(RuleSet.builtIn().withConfig(cfg), EngineOptions.DEFAULT);
        for (String allowed : List.of("a/third_party/x/y.py", "a/third_party/x/z.py", "third_party/q.js")) {
            assertFalse(e.readsPath(allowed), allowed);
        }
        for (String read : List.of("a/third_party2/y.py", "build/x.py", "a/build/y.py", "data/x.py", "a/data/b/c.py")) {
            assertTrue(e.readsPath(read), read);
        }
    }

    @Test
    void compositeRuleNeedsItsRequiredRuleNearby() {
        String id = "AK" + gen("{{lower:10}}");
        String secret = gen("{{alnum:40}}");
        assertEquals(List.of("acme-key-secret"), ids(scan("c.ini", "key=" + id + "\nsecret = " + secret + "\n")),
                "required rule within a line: the composite reports, the skipReport rule does not");
        assertEquals(List.of(), scan("c.ini", "key=" + id + "\n\n\n\nsecret = " + secret + "\n"), "too far apart");
        assertEquals(List.of(), scan("c.ini", "secret = " + secret + "\n"), "required rule absent");
    }

    @Test
    void inlineFlagsAndCaseSensitiveGroupsCompile() {
        String lowerAk = "ak" + gen("{{lower:10}}");
        String secret = gen("{{alnum:40}}");
        assertEquals(List.of(), scan("c.ini", "key=" + lowerAk + "\nsecret = " + secret + "\n"),
                "(?-i:AK) keeps the prefix case-sensitive");
    }

    @Test
    void pathOnlyRuleReportsTheFile() {
        List<Match> ms = scan("certs/client.p12", "binary-ish text");
        assertEquals(List.of("keystore-file"), ids(ms));
    }

    @Test
    void oldSingularAllowlistAndRulePath() {
        String v = gen("{{lower:22}}");
        assertEquals(List.of("old-style"), ids(scan("app.cfg", "oldtoken=ab" + v + "\n")));
        assertEquals(List.of(), scan("app.cfg", "oldtoken=zz" + v + "\n"), "regexTarget match");
        assertEquals(List.of(), scan("app.txt", "oldtoken=ab" + v + "\n"), "path limits the rule");
    }

    @Test
    void extendUsesTheDefaultsMinusDisabledAndMergesSameIdRules() {
        String ghp = "ghp_" + gen("{{alnum:36}}");
        assertEquals(List.of(), scan("x.txt", "t=" + ghp + "\n"), "disabledRules");
        String gho = "gho_" + gen("{{alnum:36}}");
        assertEquals(List.of("github-oauth"), ids(scan("x.txt", "t=" + gho + "\n")), "default rule kept");
        assertEquals(List.of(), scan("docs/x.md", "t=" + gho + "\n"), "allowlist added to the default rule by id");
        assertTrue(engine.ruleSet().byId("github-oauth").orElseThrow().regex() != null, "merged rule keeps its regex");
    }

    @Test
    void gitleaksAllowCommentSuppresses() {
        String s = gen("{{lower:32}}");
        assertEquals(List.of(), scan("a.py", "acme_key = " + s + " # gitleaks:allow\n"));
    }
}
