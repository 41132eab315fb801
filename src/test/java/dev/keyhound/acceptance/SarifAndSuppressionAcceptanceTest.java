package dev.keyhound.acceptance;

import dev.keyhound.testing.TestRepo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keyhound.report.SarifSchema;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.eclipse.jgit.api.ResetCommand;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 5 end to end through the CLI: SARIF of a history scan, baseline across a rebase, ignore file, inline allow. */
class SarifAndSuppressionAcceptanceTest {
    @TempDir
    Path tmp;

    final Secrets secrets = new Secrets();
    final String pairKey = secrets.bitgetKey();
    final String pairSecret = secrets.bitgetSecret();
    final String bitget = secrets.bitgetKey();
    final String allowed = secrets.bitgetKey();
    final List<String> planted = List.of(pairKey, pairSecret, bitget, allowed);

    TestRepo repo;
    RevCommit base;

    @BeforeEach
    void repository() throws Exception {
        repo = TestRepo.init(tmp.resolve("repo"));
        base = repo.write("README.md", "hello\n").commit("readme");
        repo.write("config/exchange.ini", "[bitget]\nbitget_api_key = " + pairKey + "\nbitget_api_secret = " + pairSecret + "\n")
                .commit("exchange config");
        repo.write("app/settings.py", "DEBUG = False\nBITGET_API_KEY = '" + bitget + "'\n").commit("settings");
        repo.write("docs/example.env", "BITGET_API_KEY=" + allowed + "  # keyhound:allow\n").commit("docs");
    }

    @org.junit.jupiter.api.AfterEach
    void close() {
        repo.close();
    }

    @Test
    void sarifAndJsonInOneRunValidAndWithoutRawSecrets() throws Exception {
        Path sarif = tmp.resolve("out/keyhound.sarif");
        Path json = tmp.resolve("out/keyhound.json");
        Keyhound.Run r = Keyhound.run("scan", "-q", "--format", "sarif", "-o", sarif.toString(),
                "--report", "json:" + json, "--show-suppressed", repo.dir.toString());
        assertEquals(1, r.code(), r.toString());
        assertTrue(Files.isRegularFile(json), "the --report json file is written in the same run");
        byte[] bytes = Files.readAllBytes(sarif);
        assertEquals(Set.of(), SarifSchema.errors(bytes));
        for (Path p : List.of(sarif, json)) {
            String text = Files.readString(p);
            for (String secret : planted) {
                assertFalse(text.contains(secret), p + " holds a planted value raw");
                // nothing past the 4-character redaction prefix either
                assertFalse(text.contains(secret.substring(4, 16)), p + " holds part of a planted value");
            }
        }

        JsonNode run = new ObjectMapper().readTree(bytes).path("runs").get(0);
        JsonNode results = run.path("results");
        JsonNode rules = run.path("tool").path("driver").path("rules");
        Set<String> ruleIds = new HashSet<>();
        rules.forEach(rule -> assertTrue(ruleIds.add(rule.path("id").asText()), "duplicate rule " + rule.path("id")));
        assertEquals(3, results.size(), results.toString());
        for (JsonNode result : results) {
            assertEquals(result.path("ruleId").asText(), rules.get(result.path("ruleIndex").asInt()).path("id").asText());
            JsonNode physical = result.path("locations").get(0).path("physicalLocation");
            assertEquals("%SRCROOT%", physical.path("artifactLocation").path("uriBaseId").asText());
            assertFalse(physical.path("artifactLocation").path("uri").asText().startsWith("/"));
            assertTrue(physical.path("region").path("startLine").asInt() >= 1);
            JsonNode fps = result.path("partialFingerprints");
            assertTrue(fps.path("keyhoundFingerprint/v1").asText().matches("[0-9a-f]{64}"), fps.toString());
            assertFalse(fps.path("primaryLocationLineHash").asText().isEmpty(), fps.toString());
            assertFalse(result.path("properties").path("commit").asText().isEmpty(), "history provenance in SARIF");
        }

        JsonNode pair = resultAt(results, "config/exchange.ini");
        JsonNode related = pair.path("relatedLocations");
        assertEquals(1, related.size(), pair.toString());
        JsonNode other = related.get(0).path("physicalLocation");
        assertEquals("config/exchange.ini", other.path("artifactLocation").path("uri").asText());
        int primaryLine = pair.path("locations").get(0).path("physicalLocation").path("region").path("startLine").asInt();
        assertEquals(Set.of(2, 3), Set.of(primaryLine, other.path("region").path("startLine").asInt()),
                "the pair's two parts: one primary, one related");

        JsonNode inline = resultAt(results, "docs/example.env");
        assertEquals("inSource", inline.path("suppressions").get(0).path("kind").asText(), inline.toString());
        assertTrue(resultAt(results, "app/settings.py").path("suppressions").isMissingNode());

        // without --show-suppressed the allowed one is left out
        Keyhound.Run plain = Keyhound.run("scan", "-q", "--format", "sarif", repo.dir.toString());
        assertEquals(2, new ObjectMapper().readTree(plain.out()).path("runs").get(0).path("results").size());
    }

    @Test
    void baselineSurvivesARebaseThatMovesTheSecretAndNewLeaksStillFail() throws Exception {
        Path baseline = tmp.resolve("keyhound-baseline.json");
        Path again = tmp.resolve("again.json");
        Keyhound.Run created = Keyhound.run("baseline", "create", "-q", "-o", baseline.toString(), repo.dir.toString());
        assertEquals(0, created.code(), created.toString());
        assertEquals(0, Keyhound.run("baseline", "create", "-q", "-o", again.toString(), repo.dir.toString()).code());
        assertArrayEquals(Files.readAllBytes(baseline), Files.readAllBytes(again), "same repository, same bytes");
        String baselineText = Files.readString(baseline);
        planted.forEach(s -> assertFalse(baselineText.contains(s), "the baseline stores no secret"));

        Keyhound.Run clean = Keyhound.run("scan", "-q", "--baseline", baseline.toString(), repo.dir.toString());
        assertEquals(0, clean.code(), clean.toString());

        // rewrite history: drop everything after the readme, then re-add the secrets moved to other lines and files
        List<String> before = commitIds();
        repo.git.reset().setMode(ResetCommand.ResetType.HARD).setRef(base.getName()).call();
        repo.write("src/config.py", "import os\n\n\nBITGET_API_KEY = \"" + bitget + "\"\n").commit("config, rebased");
        repo.write("deploy/exchange.ini", "# moved\n\n[bitget]\nbitget_api_secret = " + pairSecret
                + "\n\nbitget_api_key = " + pairKey + "\n").commit("exchange, rebased");
        repo.write("docs/example.env", "\nBITGET_API_KEY=" + allowed + "  # keyhound:allow\n").commit("docs, rebased");
        List<String> after = commitIds();
        assertNotEquals(before, after);

        Keyhound.Run rebased = Keyhound.run("scan", "-q", "--format", "json", 
                "--baseline", baseline.toString(), repo.dir.toString());
        assertEquals(0, rebased.code(), "moved and rebased secrets keep their identity: " + rebased);
        assertEquals(0, rebased.json().path("findings").size(), rebased.out());
        Keyhound.Run withoutBaseline = Keyhound.run("scan", "-q", "--format", "json", repo.dir.toString());
        assertEquals(1, withoutBaseline.code(), "the rebased secrets are there: " + withoutBaseline);

        String fresh = secrets.bitgetKey();
        RevCommit leak = repo.write("src/new.py", "BITGET_API_KEY = '" + fresh + "'\n").commit("new leak");
        Keyhound.Run newLeak = Keyhound.run("scan", "-q", "--no-redact", "--format", "json", 
                "--baseline", baseline.toString(), repo.dir.toString());
        assertEquals(1, newLeak.code(), newLeak.toString());
        JsonNode findings = newLeak.json().path("findings");
        assertEquals(1, findings.size(), "only the new one: " + findings);
        assertEquals(fresh, findings.get(0).path("secret").asText());
        assertEquals(leak.getName(), findings.get(0).path("locations").get(0).path("commit").asText());

        // a SARIF report works as a baseline too
        Path sarif = tmp.resolve("baseline.sarif");
        Keyhound.run("scan", "-q", "--format", "sarif", "-o", sarif.toString(), repo.dir.toString());
        assertEquals(0, Keyhound.run("scan", "-q", "--baseline", sarif.toString(), repo.dir.toString()).code());
        // and so does a JSON report
        Path report = tmp.resolve("report.json");
        Keyhound.run("scan", "-q", "--format", "json", "-o", report.toString(), repo.dir.toString());
        assertEquals(0, Keyhound.run("scan", "-q", "--baseline", report.toString(), repo.dir.toString()).code());
    }

    @Test
    void ignoreCommandAndUnusedEntriesInTheSummary() throws Exception {
        Keyhound.Run first = Keyhound.run("scan", "-q", "--no-redact", "--format", "json", repo.dir.toString());
        String fingerprint = null;
        for (JsonNode f : first.json().path("findings")) {
            if (f.path("secret").asText().equals(bitget)) {
                fingerprint = f.path("fingerprint").asText();
            }
        }
        Path ignoreFile = repo.dir.resolve(".keyhoundignore");
        Keyhound.Run added = Keyhound.run("ignore", fingerprint, "--reason", "rotated long ago", "--file", ignoreFile.toString());
        assertEquals(0, added.code(), added.toString());
        String stale = "ab".repeat(32);
        Files.writeString(ignoreFile, Files.readString(ignoreFile) + stale + "  # an old entry\n");
        assertTrue(Files.readString(ignoreFile).contains("rotated long ago"), "the reason is kept as a comment");

        Keyhound.Run json = Keyhound.run("scan", "-q", "--no-redact", "--format", "json", repo.dir.toString());
        assertEquals(1, json.code(), "the Bitget pair is still live");
        assertFalse(json.out().contains(bitget), "ignored by the default .keyhoundignore at the root");
        assertEquals(List.of(stale), list(json.json().path("summary").path("unusedIgnores")));
        Keyhound.Run text = Keyhound.run("scan", "-q", repo.dir.toString());
        String summary = text.out().substring(text.out().lastIndexOf("Summary"));
        assertTrue(summary.contains("unused ignore entries") && summary.contains(stale), summary);
        assertFalse(summary.contains(fingerprint), "the used entry is not reported as unused: " + summary);

        Keyhound.Run shown = Keyhound.run("scan", "-q", "--show-suppressed", "--format", "sarif", repo.dir.toString());
        JsonNode results = new ObjectMapper().readTree(shown.out()).path("runs").get(0).path("results");
        assertEquals("external", resultAt(results, "app/settings.py").path("suppressions").get(0).path("kind").asText());
        assertEquals(Set.of(), SarifSchema.errors(shown.out().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    private List<String> commitIds() throws Exception {
        List<String> ids = new ArrayList<>();
        repo.git.log().call().forEach(c -> ids.add(c.getName()));
        return ids;
    }

    private static List<String> list(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static JsonNode resultAt(JsonNode results, String uri) {
        for (JsonNode r : results) {
            if (r.path("locations").get(0).path("physicalLocation").path("artifactLocation").path("uri").asText().equals(uri)) {
                return r;
            }
        }
        throw new AssertionError("no result at " + uri + " in " + results);
    }
}
