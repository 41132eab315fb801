package dev.keyhound.report;

import static dev.keyhound.report.ReportFixtures.defaults;
import static dev.keyhound.report.ReportFixtures.json;
import static dev.keyhound.report.ReportFixtures.options;
import static dev.keyhound.report.ReportFixtures.render;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keyhound.finding.Baseline;
import dev.keyhound.finding.Finding;
import dev.keyhound.finding.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonReportWriterTest {
    private final Random rnd = new Random(new SecureRandom().nextLong());

    @TempDir
    Path dir;

    static final List<String> TOP = List.of("version", "tool", "summary", "findings");
    static final List<String> FINDING = List.of("fingerprint", "ruleId", "provider", "providerName", "part",
            "severity", "note", "secret", "parts", "locations", "seenCount", "stillInHead", "suppression", "revoke");
    static final List<String> LOCATION = List.of("path", "line", "column", "endColumn", "blobId", "commit",
            "author", "email", "date");

    @Test
    void documentedSchemaInAFixedKeyOrder() {
        ReportFixtures fx = ReportFixtures.sample(rnd);
        JsonNode root = json(render(ReportFormat.JSON, fx.report, defaults()));
        assertEquals(TOP, names(root));
        assertEquals(1, root.path("version").asInt());
        assertEquals("keyhound", root.at("/tool/name").asText());
        assertEquals("history", root.at("/summary/mode").asText());
        assertEquals(17, root.at("/summary/commits").asInt());
        JsonNode findings = root.path("findings");
        assertEquals(4, findings.size(), "the inline-allowed one is hidden");
        for (JsonNode f : findings) {
            assertEquals(FINDING, names(f));
            for (JsonNode l : f.path("locations")) {
                assertEquals(LOCATION, names(l));
            }
        }
        JsonNode pair = findings.get(0);
        Finding model = fx.report.findings().get(0);
        assertEquals(model.fingerprint(), pair.path("fingerprint").asText());
        assertEquals("AcmeX", pair.path("providerName").asText());
        assertEquals("critical", pair.path("severity").asText());
        assertEquals(fx.secrets.get(0).substring(0, 4) + "…", pair.path("secret").asText());
        assertEquals(2, pair.path("parts").size());
        assertEquals("secret", pair.at("/parts/1/part").asText());
        assertEquals(4, pair.at("/parts/1/location/line").asInt());
        assertEquals("ACMEX_API_KEY = \"" + fx.secrets.get(0).substring(0, 4) + "…\"",
                pair.at("/parts/0/location/lineText").asText());
        assertEquals(List.of(".env", "deploy/prod.env"),
                List.of(pair.at("/locations/0/path").asText(), pair.at("/locations/1/path").asText()));
        assertEquals("Alice", pair.at("/locations/0/author").asText());
        assertEquals("alice@example.com", pair.at("/locations/0/email").asText());
        assertEquals("2021-03-04T10:00:00Z", pair.at("/locations/0/date").asText());
        assertEquals(2, pair.path("seenCount").asInt());
        assertTrue(pair.path("stillInHead").asBoolean());
        assertTrue(pair.path("suppression").isNull());
        assertTrue(pair.path("note").isNull());
        assertEquals(Fixtures.REVOKE_URL, pair.at("/revoke/url").asText());
        assertEquals(2, pair.at("/revoke/steps").size());
        JsonNode note = findings.get(3);
        assertEquals("info", note.path("severity").asText());
        assertEquals("public documentation example", note.path("note").asText());
    }

    @Test
    void sameInputSameBytesAndRawOnlyWhenAsked() {
        ReportFixtures fx = ReportFixtures.sample(rnd);
        assertArrayEquals(render(ReportFormat.JSON, fx.report, defaults()), render(ReportFormat.JSON, fx.report, defaults()));
        JsonNode raw = json(render(ReportFormat.JSON, fx.report, options(false, false, false, true)));
        assertEquals(fx.secrets.get(0), raw.at("/findings/0/secret").asText());
        assertEquals(fx.secrets.get(1), raw.at("/findings/0/parts/1/secret").asText());
        assertEquals(5, raw.path("findings").size());
    }

    @Test
    void aJsonReportIsABaseline() throws IOException {
        ReportFixtures fx = ReportFixtures.sample(rnd);
        Path report = dir.resolve("report.json");
        Files.write(report, render(ReportFormat.JSON, fx.report, defaults()));
        Baseline b = Baseline.load(report);
        assertEquals(4, b.size());
        for (Finding f : fx.report.findings()) {
            assertEquals(f.suppression() == null, b.contains(f.fingerprint()));
        }
    }

    private static List<String> names(JsonNode o) {
        List<String> out = new ArrayList<>();
        o.fieldNames().forEachRemaining(out::add);
        return out;
    }
}
