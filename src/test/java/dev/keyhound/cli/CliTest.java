package dev.keyhound.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** keyhound end to end through picocli: exit codes, error lines, reports, suppression. */
class CliTest {
    @TempDir
    Path tmp;

    String token;
    Path leaky;
    Path clean;

    @BeforeEach
    void files() throws IOException {
        token = Cli.githubToken(new Random());
        leaky = Files.createDirectories(tmp.resolve("leaky"));
        Files.writeString(leaky.resolve("app.env"), "DEBUG=true\nGITHUB_TOKEN=" + token + "\n");
        clean = Files.createDirectories(tmp.resolve("clean"));
        Files.writeString(clean.resolve("README.md"), "nothing to see\n");
    }

    @ParameterizedTest
    @ValueSource(strings = {"--help", "scan --help", "rules --help", "rules list --help", "rules check --help",
        "baseline --help", "baseline create --help", "ignore --help", "hook --help", "hook install --help",
        "hook uninstall --help", "report --help", "report count --help", "version --help"})
    void everyCommandHasHelpWithExamplesAndExitCodes(String args) {
        Cli.Result r = Cli.run(args.split(" "));
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.out().startsWith("Usage: keyhound"), r.out());
        assertTrue(r.out().contains("Example"), r.out());
        assertTrue(r.out().contains("Exit codes"), r.out());
    }

    @Test
    void cleanDirectoryExitsZero() {
        Cli.Result r = Cli.run("scan", "-q", clean.toString());
        assertEquals(ExitCodes.CLEAN, r.code(), r.toString());
    }

    @Test
    void findingExitsOneAndIsRedacted() {
        Cli.Result r = Cli.run("scan", "-q", leaky.toString());
        assertEquals(ExitCodes.FINDINGS, r.code(), r.toString());
        assertTrue(r.out().contains("app.env:2"), r.out());
        assertFalse(r.out().contains(token), "the secret must be redacted");
        assertTrue(r.out().contains(token.substring(0, 4) + "…"), r.out());
    }

    @Test
    void noRedactShowsTheSecret() {
        Cli.Result r = Cli.run("scan", "-q", "--no-redact", leaky.toString());
        assertEquals(ExitCodes.FINDINGS, r.code());
        assertTrue(r.out().contains(token), r.out());
    }

    @Test
    void standardInputIsScanned() {
        Cli.Result r = Cli.withStdin("export GITHUB_TOKEN=" + token + "\n", "scan", "-q", "-");
        assertEquals(ExitCodes.FINDINGS, r.code(), r.toString());
    }

    @Test
    void badFlagIsOneLineAndExitTwo() {
        Cli.Result r = Cli.run("scan", "--bogus");
        assertEquals(ExitCodes.USAGE, r.code());
        assertEquals(1, r.errLines().length, r.err());
        assertTrue(r.err().contains("Unknown option: '--bogus'"), r.err());
    }

    @Test
    void missingPathIsOneLineAndExitTwo() {
        Cli.Result r = Cli.run("scan", tmp.resolve("nowhere").toString());
        assertEquals(ExitCodes.USAGE, r.code());
        assertEquals(1, r.errLines().length, r.err());
        assertTrue(r.err().contains("no such file or directory"), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
    }

    @Test
    void badRuleFileIsOneLineAndExitTwo() throws IOException {
        Path rules = Files.createDirectories(tmp.resolve("rules"));
        Files.writeString(rules.resolve("broken.toml"), "[[rules]]\nid = \"x\"\nregex = '''(unclosed'''\n");
        Cli.Result r = Cli.run("scan", "--rules", rules.toString(), clean.toString());
        assertEquals(ExitCodes.USAGE, r.code(), r.toString());
        assertEquals(1, r.errLines().length, r.err());
        assertTrue(r.err().contains("broken.toml"), r.err());
    }

    @Test
    void badSizeAndBadFormatAreUsageErrors() {
        assertEquals(ExitCodes.USAGE, Cli.run("scan", "--max-file-size", "lots", clean.toString()).code());
        assertEquals(ExitCodes.USAGE, Cli.run("scan", "--format", "pdf", clean.toString()).code());
        assertEquals(ExitCodes.USAGE, Cli.run("scan", "--report", "sarif", clean.toString()).code());
        assertEquals(ExitCodes.USAGE, Cli.run("scan", "--staged", "--range", "a..b", clean.toString()).code());
    }

    @Test
    void gitModesOutsideARepositoryAreUsageErrors() {
        Cli.Result r = Cli.run("scan", "--staged", clean.toString());
        assertEquals(ExitCodes.USAGE, r.code());
        assertTrue(r.err().contains("not a git repository"), r.err());
    }

    @Test
    void aReportThatCannotBeWrittenIsAFailedScan() {
        Cli.Result r = Cli.run("scan", "-q", "-o", tmp.toString(), clean.toString());
        assertEquals(ExitCodes.SCAN_FAILED, r.code(), r.toString());
        assertEquals(1, r.errLines().length, r.err());
        Cli.Result verbose = Cli.run("scan", "-q", "-v", "-o", tmp.toString(), clean.toString());
        assertTrue(verbose.err().contains("\tat "), "-v adds the stack trace");
    }

    @Test
    void noCommandIsAUsageError() {
        assertEquals(ExitCodes.USAGE, Cli.run().code());
    }

    @Test
    void severalReportsInOneRun() throws IOException {
        Path sarif = tmp.resolve("out/keyhound.sarif");
        Path json = tmp.resolve("out/keyhound.json");
        Path md = tmp.resolve("out/summary.md");
        Cli.Result r = Cli.run("scan", "-q", "--format", "json", "-o", json.toString(),
                "--report", "sarif:" + sarif, "--report", "markdown:" + md, leaky.toString());
        assertEquals(ExitCodes.FINDINGS, r.code(), r.toString());
        JsonNode report = new ObjectMapper().readTree(json.toFile());
        assertEquals(1, report.path("findings").size());
        assertEquals(1, new ObjectMapper().readTree(sarif.toFile()).path("runs").get(0).path("results").size());
        String summary = Files.readString(md);
        assertTrue(summary.contains("| critical | GitHub | token | `app.env:2` |"), summary);
        assertTrue(summary.contains("https://github.com/settings/tokens"), summary);
        assertFalse(summary.contains(token), summary);
        for (Path p : new Path[] {json, sarif}) {
            assertFalse(Files.readString(p).contains(token), p + " holds the raw secret");
        }
        Cli.Result count = Cli.run("report", "count", sarif.toString());
        assertEquals("1", count.out().strip());
    }

    @Test
    void failOnThreshold() {
        assertEquals(ExitCodes.CLEAN, Cli.run("scan", "-q", "--fail-on", "none", leaky.toString()).code());
        assertEquals(ExitCodes.FINDINGS, Cli.run("scan", "-q", "--fail-on", "critical", leaky.toString()).code());
    }

    @Test
    void baselineHidesKnownFindingsAndShowSuppressedMarksThem() throws IOException {
        Path baseline = tmp.resolve("baseline.json");
        Cli.Result created = Cli.run("baseline", "create", "-q", "-o", baseline.toString(), leaky.toString());
        assertEquals(ExitCodes.CLEAN, created.code(), created.toString());
        assertFalse(Files.readString(baseline).contains(token));
        assertEquals(ExitCodes.CLEAN, Cli.run("scan", "-q", "--baseline", baseline.toString(), leaky.toString()).code());
        Cli.Result shown = Cli.run("scan", "-q", "--baseline", baseline.toString(), "--show-suppressed",
                "--format", "json", leaky.toString());
        assertEquals(ExitCodes.CLEAN, shown.code());
        assertTrue(shown.out().contains("baseline"), shown.out());
        // a new leak is still reported
        Files.writeString(leaky.resolve("new.env"), "GH=" + Cli.githubToken(new Random()) + "\n");
        assertEquals(ExitCodes.FINDINGS, Cli.run("scan", "-q", "--baseline", baseline.toString(), leaky.toString()).code());
        assertEquals(ExitCodes.USAGE, Cli.run("scan", "--baseline", tmp.resolve("none.json").toString(), leaky.toString()).code());
    }

    @Test
    void ignoreCommandSilencesAFindingByFingerprint() throws IOException {
        Cli.Result json = Cli.run("scan", "-q", "--format", "json", leaky.toString());
        String fingerprint = new ObjectMapper().readTree(json.out()).path("findings").get(0).path("fingerprint").asText();
        Path ignoreFile = tmp.resolve("ignore");
        Cli.Result added = Cli.run("ignore", fingerprint, "--reason", "test fixture", "--file", ignoreFile.toString());
        assertEquals(ExitCodes.CLEAN, added.code(), added.toString());
        assertTrue(Files.readString(ignoreFile).contains(fingerprint));
        assertEquals(ExitCodes.CLEAN, Cli.run("scan", "-q", "--ignore-file", ignoreFile.toString(), leaky.toString()).code());
        assertEquals(ExitCodes.USAGE, Cli.run("ignore", "not-a-fingerprint", "--file", ignoreFile.toString()).code());
    }

    @Test
    void ignoreFileAtTheScannedRootIsUsedByDefault() throws IOException {
        Cli.Result json = Cli.run("scan", "-q", "--format", "json", leaky.toString());
        String fingerprint = new ObjectMapper().readTree(json.out()).path("findings").get(0).path("fingerprint").asText();
        Files.writeString(leaky.resolve(".keyhoundignore"), fingerprint + "  # fixture\n");
        assertEquals(ExitCodes.CLEAN, Cli.run("scan", "-q", leaky.toString()).code());
    }

    @Test
    void gitHistoryIsScannedByDefaultAndWorkingTreeOnRequest() throws IOException {
        Path repo = GitFixture.init(tmp.resolve("repo"));
        GitFixture.commit(repo, "README.md", "hello\n");
        String added = GitFixture.commit(repo, "app.env", "GITHUB_TOKEN=" + token + "\n");
        GitFixture.commit(repo, "app.env", "GITHUB_TOKEN=${GITHUB_TOKEN}\n");
        Cli.Result history = Cli.run("scan", "-q", "--format", "json", repo.toString());
        assertEquals(ExitCodes.FINDINGS, history.code(), history.toString());
        JsonNode finding = new ObjectMapper().readTree(history.out()).path("findings").get(0);
        assertTrue(finding.toString().contains(added), "provenance names the commit that added it: " + finding);
        assertEquals(ExitCodes.CLEAN, Cli.run("scan", "-q", "--no-history", repo.toString()).code());
        // the last commit only removes the token; the one before adds it
        assertEquals(ExitCodes.CLEAN, Cli.run("scan", "-q", "--range", "HEAD~1..HEAD", repo.toString()).code());
        assertEquals(ExitCodes.FINDINGS, Cli.run("scan", "-q", "--range", "HEAD~2..HEAD", repo.toString()).code());
        assertEquals(ExitCodes.FINDINGS, Cli.run("scan", "-q", "--since", "HEAD~2", repo.toString()).code());
        assertEquals(ExitCodes.USAGE, Cli.run("scan", "--range", "nope..HEAD", repo.toString()).code());
        assertEquals(ExitCodes.USAGE, Cli.run("scan", "--range", "HEAD", repo.toString()).code());
    }

    @Test
    void stagedScanBlocksWithAdvice() throws IOException {
        Path repo = GitFixture.init(tmp.resolve("repo"));
        GitFixture.commit(repo, "README.md", "hello\n");
        Files.writeString(repo.resolve("app.env"), "GITHUB_TOKEN=" + token + "\n");
        GitFixture.git(repo, "add", "app.env");
        Cli.Result r = Cli.run("scan", "-q", "--staged", repo.toString());
        assertEquals(ExitCodes.FINDINGS, r.code(), r.toString());
        assertTrue(r.out().contains("app.env:1"), r.out());
        assertTrue(r.err().contains("SKIP=keyhound"), r.err());
        assertTrue(r.err().contains("--no-verify"), r.err());
        Path sub = Files.createDirectories(repo.resolve("src/main"));
        assertEquals(ExitCodes.FINDINGS, Cli.run("scan", "-q", "--staged", sub.toString()).code(),
                "a directory inside the repository means the repository");
        GitFixture.git(repo, "reset", "-q");
        assertEquals(ExitCodes.CLEAN, Cli.run("scan", "-q", "--staged", repo.toString()).code());
    }

    @Test
    void rulesListAndCheck() throws IOException {
        Cli.Result list = Cli.run("rules", "list");
        assertEquals(ExitCodes.CLEAN, list.code());
        assertTrue(list.out().lines().findFirst().orElse("").matches("ID\\s+PROVIDER\\s+PART\\s+SEVERITY"), list.out());
        assertTrue(list.out().contains("github-pat"), list.out());
        assertEquals(ExitCodes.CLEAN, Cli.run("rules", "check").code());
        Path rules = Files.createDirectories(tmp.resolve("rules"));
        Files.writeString(rules.resolve("mine.toml"), """
                [[rules]]
                id = "my-token"
                description = "My token"
                regex = '''\\bmytok_([a-z]{8})\\b'''
                keywords = ["mytok_"]
                examples = ['x = mytok_{{digits:8}}']
                """);
        Cli.Result check = Cli.run("rules", "check", rules.toString());
        assertEquals(ExitCodes.FINDINGS, check.code(), check.toString());
        assertTrue(check.out().contains("my-token"), check.out());
    }

    @Test
    void versionPrintsTheVersion() {
        Cli.Result r = Cli.run("version");
        assertEquals(ExitCodes.CLEAN, r.code());
        assertTrue(r.out().startsWith("keyhound "), r.out());
    }
}
