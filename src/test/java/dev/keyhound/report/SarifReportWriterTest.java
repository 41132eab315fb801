package dev.keyhound.report;

import static dev.keyhound.report.ReportFixtures.defaults;
import static dev.keyhound.report.ReportFixtures.json;
import static dev.keyhound.report.ReportFixtures.options;
import static dev.keyhound.report.ReportFixtures.render;
import static dev.keyhound.report.ReportFixtures.sarifErrors;
import static dev.keyhound.report.ReportFixtures.text;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keyhound.finding.Baseline;
import dev.keyhound.finding.Finding;
import dev.keyhound.finding.FindingCollector;
import dev.keyhound.finding.Fixtures;
import dev.keyhound.finding.Suppressions;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SarifReportWriterTest {
    /** Fixed: the golden file is built from this seed. */
    static final long GOLDEN_SEED = 20261122L;
    static final Path GOLDEN = Paths.get("src/test/resources/golden/sample.sarif");

    private final Random rnd = new Random(new SecureRandom().nextLong());

    @TempDir
    Path dir;

    @Test
    void everyVariantValidatesAgainstTheSarifSchema() {
        ReportFixtures fx = ReportFixtures.sample(rnd);
        for (boolean redact : new boolean[] {true, false}) {
            for (boolean suppressed : new boolean[] {true, false}) {
                byte[] sarif = render(ReportFormat.SARIF, fx.report, options(redact, false, false, suppressed));
                assertEquals(Set.of(), sarifErrors(sarif), "redact=" + redact + " showSuppressed=" + suppressed);
            }
        }
        byte[] empty = render(ReportFormat.SARIF, new ScanReport(List.of(), null, fx.report.rules()),
                new ReportOptions(true, false, false, false, null));
        assertEquals(Set.of(), sarifErrors(empty));
        assertEquals(0, json(empty).at("/runs/0/results").size());
        assertEquals("keyhound/scan/", json(empty).at("/runs/0/automationDetails/id").asText());
    }

    @Test
    void meetsGitHubCodeScanningRequirements() {
        ReportFixtures fx = ReportFixtures.sample(rnd);
        JsonNode log = json(render(ReportFormat.SARIF, fx.report, options(true, false, false, true)));
        assertEquals("2.1.0", log.path("version").asText());
        assertEquals(1, log.path("runs").size(), "one run per file");
        JsonNode run = log.at("/runs/0");
        assertEquals("keyhound", run.at("/tool/driver/name").asText());
        assertEquals("0.1.0-test", run.at("/tool/driver/version").asText());
        assertEquals("keyhound/history/", run.at("/automationDetails/id").asText());

        JsonNode rules = run.at("/tool/driver/rules");
        Set<String> ids = new HashSet<>();
        for (JsonNode r : rules) {
            assertTrue(ids.add(r.path("id").asText()), "duplicate rule " + r.path("id"));
            for (String field : List.of("/shortDescription/text", "/fullDescription/text", "/help/text",
                    "/help/markdown", "/helpUri", "/properties/security-severity", "/properties/precision")) {
                assertFalse(r.at(field).asText().isBlank(), r.path("id") + " lacks " + field);
            }
            double sev = Double.parseDouble(r.at("/properties/security-severity").asText());
            assertTrue(sev > 0 && sev <= 10);
            assertTrue(r.at("/properties/tags").size() <= 10);
        }
        // only the rules that produced a result: the secret rule is a second part, never a result's rule
        assertEquals(Set.of(Fixtures.KEY_RULE, Fixtures.TOKEN_RULE), ids);

        JsonNode results = run.path("results");
        assertEquals(fx.report.findings().size(), results.size());
        for (JsonNode r : results) {
            String ruleId = r.path("ruleId").asText();
            assertEquals(ruleId, rules.get(r.path("ruleIndex").asInt()).path("id").asText());
            assertFalse(r.at("/message/text").asText().isBlank());
            assertTrue(r.path("locations").size() >= 1);
            JsonNode pl = r.at("/locations/0/physicalLocation");
            assertTrue(pl.at("/region/startLine").asInt() >= 1);
            String uri = pl.at("/artifactLocation/uri").asText();
            assertFalse(URI.create(uri).isAbsolute(), uri);
            assertFalse(uri.startsWith("/") || uri.startsWith("./") || uri.contains("git show"), uri);
            assertEquals("%SRCROOT%", pl.at("/artifactLocation/uriBaseId").asText());
            assertTrue(r.at("/partialFingerprints/keyhoundFingerprint~1v1").asText().matches("[0-9a-f]{64}"));
            assertTrue(r.at("/partialFingerprints/primaryLocationLineHash").asText().matches("[0-9a-f]{16}:1"));
            assertTrue(r.path("relatedLocations").size() + 1 <= 1000);
        }
    }

    @Test
    void resultsCarryProviderPartProvenanceAndRelatedLocations() {
        ReportFixtures fx = ReportFixtures.sample(rnd);
        JsonNode run = json(render(ReportFormat.SARIF, fx.report, defaults())).at("/runs/0");
        JsonNode pair = find(run, Fixtures.KEY_RULE);
        assertEquals("error", pair.path("level").asText());
        String msg = pair.at("/message/text").asText();
        assertTrue(msg.startsWith("AcmeX key + secret (critical) in .env line 3, introduced in commit "), msg);
        assertTrue(msg.contains("by Alice on 2021-03-04"), msg);
        assertTrue(msg.contains("Still in HEAD."), msg);
        assertTrue(msg.contains("Revoke it at " + Fixtures.REVOKE_URL), msg);
        assertEquals("acmex", pair.at("/properties/provider").asText());
        assertEquals("key", pair.at("/properties/part").asText());
        assertEquals("Alice", pair.at("/properties/author").asText());
        assertEquals("2021-03-04T10:00:00Z", pair.at("/properties/date").asText());
        assertTrue(pair.at("/properties/stillInHead").asBoolean());
        assertTrue(pair.at("/properties/commit").asText().matches("[0-9a-f]{40}"));
        JsonNode related = pair.path("relatedLocations");
        assertEquals(2, related.size(), "the secret part, then the copy in deploy/prod.env");
        assertEquals(4, related.at("/0/physicalLocation/region/startLine").asInt());
        assertTrue(related.at("/0/message/text").asText().contains("secret"));
        assertEquals("deploy/prod.env", related.at("/1/physicalLocation/artifactLocation/uri").asText());
        assertEquals(1, related.at("/0/id").asInt());
        assertEquals(2, related.at("/1/id").asInt());

        JsonNode spaced = null;
        for (JsonNode r : run.path("results")) {
            if (r.at("/locations/0/physicalLocation/artifactLocation/uri").asText().startsWith("conf/")) {
                spaced = r;
            }
        }
        assertEquals("conf/my%20settings%20%C3%BC.yml",
                spaced.at("/locations/0/physicalLocation/artifactLocation/uri").asText());
        assertEquals("warning", spaced.path("level").asText());

        JsonNode deleted = null;
        for (JsonNode r : run.path("results")) {
            if (r.at("/locations/0/physicalLocation/artifactLocation/uri").asText().equals("src/app.py")) {
                deleted = r;
            }
        }
        assertFalse(deleted.at("/properties/stillInHead").asBoolean());
        assertTrue(deleted.at("/message/text").asText().contains("No longer in HEAD"));
        assertEquals(10, deleted.at("/locations/0/physicalLocation/region/startLine").asInt(), "oldest version first");
        assertEquals(2, deleted.at("/properties/seenCount").asInt());
    }

    @Test
    void suppressedFindingsAppearOnlyWhenAskedAndAsSuppressions() {
        ReportFixtures fx = ReportFixtures.sample(rnd);
        JsonNode hidden = json(render(ReportFormat.SARIF, fx.report, defaults())).at("/runs/0/results");
        JsonNode shown = json(render(ReportFormat.SARIF, fx.report, options(true, false, false, true))).at("/runs/0/results");
        assertEquals(shown.size() - 1, hidden.size());
        int suppressed = 0;
        for (JsonNode r : shown) {
            if (r.has("suppressions")) {
                suppressed++;
                assertEquals("inSource", r.at("/suppressions/0/kind").asText());
            }
        }
        assertEquals(1, suppressed);
        for (JsonNode r : hidden) {
            assertFalse(r.has("suppressions"));
        }
    }

    @Test
    void ignoredAndBaselinedFindingsAreExternalSuppressions() {
        ReportFixtures fx = ReportFixtures.sample(rnd);
        Finding pair = fx.report.findings().get(0);
        Finding token = fx.report.findings().get(1);
        List<Finding> marked = new ArrayList<>();
        for (Finding f : fx.report.findings()) {
            String why = f == pair ? Suppressions.IGNORE_FILE : f == token ? Suppressions.BASELINE : f.suppression();
            marked.add(new Finding(f.fingerprint(), f.provider(), f.severity(), f.note(), f.parts(), f.seenAt(),
                    f.seenCount(), f.stillInHead(), why));
        }
        ScanReport report = new ScanReport(marked, fx.report.summary(), fx.report.rules());
        JsonNode results = json(render(ReportFormat.SARIF, report, options(true, false, false, true))).at("/runs/0/results");
        assertEquals("external", byFingerprint(results, pair.fingerprint()).at("/suppressions/0/kind").asText());
        assertTrue(byFingerprint(results, pair.fingerprint()).at("/suppressions/0/justification").asText().contains(".keyhoundignore"));
        assertEquals("external", byFingerprint(results, token.fingerprint()).at("/suppressions/0/kind").asText());
        assertTrue(byFingerprint(results, token.fingerprint()).at("/suppressions/0/justification").asText().contains("baseline"));
        assertEquals(2, json(render(ReportFormat.SARIF, report, defaults())).at("/runs/0/results").size(),
                "hidden unless --show-suppressed");
    }

    private static JsonNode byFingerprint(JsonNode results, String fingerprint) {
        for (JsonNode r : results) {
            if (r.at("/properties/fingerprint").asText().equals(fingerprint)) {
                return r;
            }
        }
        throw new AssertionError("no result " + fingerprint);
    }

    @Test
    void noRawSecretUnlessAskedAndTheLineHashIgnoresRedaction() {
        ReportFixtures fx = ReportFixtures.sample(rnd);
        String redacted = text(render(ReportFormat.SARIF, fx.report, options(true, false, true, true)));
        assertEquals(List.of(), ReportFixtures.leakedPieces(redacted, fx.secrets));
        String raw = text(render(ReportFormat.SARIF, fx.report, options(false, false, true, true)));
        for (String s : fx.secrets) {
            assertTrue(raw.contains(s), "--no-redact shows the value");
        }
        JsonNode a = json(redacted.getBytes(java.nio.charset.StandardCharsets.UTF_8)).at("/runs/0/results");
        JsonNode b = json(raw.getBytes(java.nio.charset.StandardCharsets.UTF_8)).at("/runs/0/results");
        for (int i = 0; i < a.size(); i++) {
            assertEquals(a.get(i).path("partialFingerprints"), b.get(i).path("partialFingerprints"));
        }
    }

    @Test
    void lineHashSurvivesALineShiftButNotAnotherSecret() {
        String tok = Fixtures.alnum(rnd, 40);
        FindingCollector c1 = new FindingCollector(5);
        c1.add(Fixtures.file("a.py"), List.of(Fixtures.token(tok, 3)));
        FindingCollector c2 = new FindingCollector(5);
        c2.add(Fixtures.file("a.py"), List.of(Fixtures.token(tok, 30)));
        FindingCollector c3 = new FindingCollector(5);
        c3.add(Fixtures.file("a.py"), List.of(Fixtures.token(Fixtures.alnum(rnd, 40), 3)));
        String h1 = SarifReportWriter.lineHash(c1.findings(null).get(0));
        assertEquals(h1, SarifReportWriter.lineHash(c2.findings(null).get(0)));
        assertNotEquals(h1, SarifReportWriter.lineHash(c3.findings(null).get(0)));
    }

    @Test
    void goldenFileIsStable() throws IOException {
        byte[] first = render(ReportFormat.SARIF, ReportFixtures.sample(new Random(GOLDEN_SEED)).report,
                options(true, false, false, true));
        byte[] again = render(ReportFormat.SARIF, ReportFixtures.sample(new Random(GOLDEN_SEED)).report,
                options(true, false, false, true));
        assertArrayEquals(first, again, "same input, same bytes");
        if (Boolean.getBoolean("keyhound.updateGolden")) {
            Files.createDirectories(GOLDEN.getParent());
            Files.write(GOLDEN, first);
        }
        assertEquals(Files.readString(GOLDEN), text(first),
                "SARIF output changed; if on purpose, rerun with -Dkeyhound.updateGolden=true and review the diff");
        assertEquals(List.of(), ReportFixtures.leakedPieces(text(first),
                ReportFixtures.sample(new Random(GOLDEN_SEED)).secrets), "the golden file holds no credential");
        assertEquals(Set.of(), sarifErrors(first));
    }

    @Test
    void limitsKeepTheMostSevereResultsAndRecordTheCut() {
        ReportFixtures fx = ReportFixtures.sample(rnd);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            new SarifReportWriter(2, 2, SarifReportWriter.MAX_GZIP_BYTES).write(fx.report, defaults(), out);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        byte[] bytes = out.toByteArray();
        assertEquals(Set.of(), sarifErrors(bytes));
        JsonNode run = json(bytes).at("/runs/0");
        assertEquals(2, run.path("results").size());
        assertEquals("error", run.at("/results/0/level").asText());
        assertEquals(Fixtures.KEY_RULE, run.at("/results/0/ruleId").asText());
        assertEquals(2, run.at("/properties/resultsOmitted").asInt(), "4 live findings, 2 kept");
        assertTrue(run.at("/properties/limitNote").asText().contains("2 least severe results"));
        assertEquals(1, run.at("/results/0/relatedLocations").size(), "one primary + one related");
        assertTrue(run.at("/properties/relatedLocationsOmitted").asInt() >= 1);
    }

    @Test
    void sizeLimitShrinksTheRunUntilItFits() throws IOException {
        FindingCollector c = new FindingCollector(5);
        for (int i = 0; i < 300; i++) {
            c.add(Fixtures.file("dir/f" + i + ".py"), List.of(Fixtures.token(Fixtures.alnum(rnd, 40), 1 + i)));
        }
        ScanReport report = new ScanReport(c.findings(null), ReportFixtures.sample(rnd).report.summary(),
                Fixtures.rules());
        long limit = 6_000;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new SarifReportWriter(25_000, 1_000, limit).write(report, defaults(), out);
        byte[] bytes = out.toByteArray();
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (java.util.zip.GZIPOutputStream z = new java.util.zip.GZIPOutputStream(gz)) {
            z.write(bytes);
        }
        assertTrue(gz.size() <= limit, "gzipped " + gz.size());
        assertEquals(Set.of(), sarifErrors(bytes));
        JsonNode run = json(bytes).at("/runs/0");
        int kept = run.path("results").size();
        assertTrue(kept > 0 && kept < 300, "kept " + kept);
        assertEquals(300 - kept, run.at("/properties/resultsOmitted").asInt());
        // the kept ones are the first in report order
        List<Finding> sorted = new ArrayList<>(report.findings());
        sorted.sort(FindingCollector.ORDER);
        for (int i = 0; i < kept; i++) {
            assertEquals(sorted.get(i).fingerprint(), run.at("/results/" + i + "/properties/fingerprint").asText());
        }
    }

    @Test
    void aSarifReportIsABaseline() throws IOException {
        ReportFixtures fx = ReportFixtures.sample(rnd);
        Path sarif = dir.resolve("report.sarif");
        Files.write(sarif, render(ReportFormat.SARIF, fx.report, defaults()));
        Baseline b = Baseline.load(sarif);
        for (Finding f : fx.report.findings()) {
            assertEquals(f.suppression() == null, b.contains(f.fingerprint()));
        }
    }

    @Test
    void findingsOfRulesOutsideTheRuleSetStillGiveCompleteRules() {
        ReportFixtures fx = ReportFixtures.sample(rnd);
        for (dev.keyhound.rules.RuleSet rules : java.util.Arrays.asList(
                dev.keyhound.rules.RuleSet.of(List.of(), List.of(), java.util.Map.of()), null)) {
            ScanReport bare = new ScanReport(fx.report.findings(), fx.report.summary(), rules);
            for (ReportFormat format : ReportFormat.values()) {
                assertTrue(render(format, bare, defaults()).length > 0);
            }
            byte[] sarif = render(ReportFormat.SARIF, bare, defaults());
            assertEquals(Set.of(), sarifErrors(sarif));
            JsonNode rule = json(sarif).at("/runs/0/tool/driver/rules/0");
            assertEquals(Fixtures.KEY_RULE, rule.path("id").asText());
            assertEquals("9.5", rule.at("/properties/security-severity").asText(), "from the results' severity");
            assertTrue(rule.at("/help/text").asText().contains("Revoke or rotate"), "generic advice");
        }
    }

    @Test
    void uriHelpers() {
        assertEquals("src/a%23b.py", SarifReportWriter.relativeUri("./src/a#b.py"));
        assertEquals("dir/sub/x.txt", SarifReportWriter.relativeUri("dir\\sub\\x.txt"));
        assertEquals("a%3Ab/c", SarifReportWriter.relativeUri("a:b/c"), "a colon must not read as a scheme");
        assertTrue(SarifReportWriter.isAbsolute("/tmp/x"));
        assertTrue(SarifReportWriter.isAbsolute("C:\\work\\x"));
        assertEquals("file:///C:/work/x%20y", SarifReportWriter.fileUri("C:\\work\\x y"));
        assertEquals("BinanceApiSecret", SarifReportWriter.pascalCase("binance-api-secret"));
    }

    private static JsonNode find(JsonNode run, String ruleId) {
        for (JsonNode r : run.path("results")) {
            if (r.path("ruleId").asText().equals(ruleId)) {
                return r;
            }
        }
        throw new AssertionError("no result for " + ruleId);
    }
}
