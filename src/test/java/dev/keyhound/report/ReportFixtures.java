package dev.keyhound.report;

import static dev.keyhound.finding.Fixtures.alnum;
import static dev.keyhound.finding.Fixtures.hex40;
import static dev.keyhound.finding.Fixtures.prov;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.keyhound.detect.Credential;
import dev.keyhound.detect.Match;
import dev.keyhound.finding.Finding;
import dev.keyhound.finding.FindingCollector;
import dev.keyhound.finding.Fixtures;
import dev.keyhound.rules.Severity;
import dev.keyhound.source.Blob;
import dev.keyhound.source.Origin;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

/** A small history-scan fixture with every kind of finding the writers must handle. */
final class ReportFixtures {
    /** The values planted in {@link #sample}; no output may contain them raw. */
    final List<String> secrets = new ArrayList<>();
    final ScanReport report;

    private ReportFixtures(ScanReport report) {
        this.report = report;
    }

    static ReportFixtures sample(Random rnd) {
        List<String> secrets = new ArrayList<>();
        FindingCollector c = new FindingCollector(10);
        Fixtures.FakeLookup lookup = new Fixtures.FakeLookup();

        // An exchange key + secret in .env, the same blob also committed as deploy/prod.env; in HEAD.
        String key = alnum(rnd, 64);
        String secret = alnum(rnd, 64);
        String envBlob = hex40(rnd);
        c.add(blob(".env", envBlob), List.of(Fixtures.exchangePair(key, secret, 3)));
        lookup.intro.put(envBlob, List.of(prov(hex40(rnd), "Alice", "2021-03-04T10:00:00Z", ".env"),
                prov(hex40(rnd), "Bob", "2022-01-02T09:30:00Z", "deploy/prod.env")));
        lookup.head.add(envBlob);

        // A generic token in two versions of src/app.py, then deleted: not in HEAD.
        String token = alnum(rnd, 40);
        String v1 = hex40(rnd);
        String v2 = hex40(rnd);
        c.add(blob("src/app.py", v2), List.of(Fixtures.token(token, 12)));
        c.add(blob("src/app.py", v1), List.of(Fixtures.token(token, 10)));
        lookup.intro.put(v1, List.of(prov(hex40(rnd), "Carol", "2020-05-06T07:08:09Z", "src/app.py")));
        lookup.intro.put(v2, List.of(prov(hex40(rnd), "Carol", "2020-07-01T00:00:00Z", "src/app.py")));

        // A token in a path that needs URI encoding; the same value twice on one line.
        String spaced = alnum(rnd, 24);
        String spacedBlob = hex40(rnd);
        Match twice = new Match(Fixtures.TOKEN_RULE, "generic", "token", Severity.MEDIUM, spaced, 2, 7,
                7 + spaced.length(), "auth: " + spaced + " # was " + spaced, 4.1, null);
        c.add(blob("conf/my settings ü.yml", spacedBlob), List.of(Credential.of(twice)));
        lookup.intro.put(spacedBlob, List.of(prov(hex40(rnd), "Dan", "2023-02-03T04:05:06Z", "conf/my settings ü.yml")));
        lookup.head.add(spacedBlob);

        // A known public example: severity info, with a note.
        String example = alnum(rnd, 32);
        String docBlob = hex40(rnd);
        Match doc = Fixtures.match(Fixtures.TOKEN_RULE, "generic", "token", Severity.INFO, "API_TOKEN", example, 5)
                .withAttribution("generic", "token", Severity.INFO, "public documentation example");
        c.add(blob("docs/README.md", docBlob), List.of(Credential.of(doc)));
        lookup.intro.put(docBlob, List.of(prov(hex40(rnd), "Eve", "2019-01-01T00:00:00Z", "docs/README.md")));

        // An inline-allowed short token (kept for --show-suppressed).
        String allowed = alnum(rnd, 12);
        String testBlob = hex40(rnd);
        c.add(blob("test/fixture.py", testBlob), List.of(new Credential("generic", Severity.HIGH,
                List.of(Fixtures.match(Fixtures.TOKEN_RULE, "generic", "token", Severity.HIGH, "T", allowed, 1)), true)));
        lookup.intro.put(testBlob, List.of(prov(hex40(rnd), "Fay", "2024-01-01T00:00:00Z", "test/fixture.py")));

        secrets.addAll(List.of(key, secret, token, spaced, example, allowed));
        List<Finding> findings = c.findings(lookup);
        ScanSummary summary = new ScanSummary("all refs of repo", "history", 2, 17, 40, 81_920, 1, 0, 0, 0, 0,
                4, 1, List.of(), List.of("shallow clone: commits before the boundary were not scanned"), 1500);
        ReportFixtures fx = new ReportFixtures(new ScanReport(findings, summary, Fixtures.rules()));
        fx.secrets.addAll(secrets);
        return fx;
    }

    private static Blob blob(String path, String id) {
        return new Blob(new Origin(Origin.Kind.GIT_HISTORY, path, id, null), new byte[0]);
    }

    static ReportOptions options(boolean redact, boolean color, boolean verbose, boolean showSuppressed) {
        return new ReportOptions(redact, color, verbose, showSuppressed, "0.1.0-test");
    }

    static ReportOptions defaults() {
        return options(true, false, false, false);
    }

    static byte[] render(ReportFormat format, ScanReport report, ReportOptions options) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ReportWriter.of(format).write(report, options, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] bytes = out.toByteArray();
        if (format == ReportFormat.SARIF) {
            // Every SARIF a test produces must be valid, whatever the test checks next.
            Set<ValidationMessage> errors = sarifErrors(bytes);
            if (!errors.isEmpty()) {
                throw new AssertionError("invalid SARIF: " + errors);
            }
        }
        return bytes;
    }

    static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    static JsonNode json(byte[] bytes) {
        try {
            return new ObjectMapper().readTree(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonSchema sarifSchema;

    /** Validation errors of a SARIF document against the official 2.1.0 schema (empty = valid). */
    static synchronized Set<ValidationMessage> sarifErrors(byte[] sarif) {
        if (sarifSchema == null) {
            try (InputStream in = ReportFixtures.class.getResourceAsStream("/sarif-schema-2.1.0.json")) {
                SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
                sarifSchema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(in, config);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return sarifSchema.validate(json(sarif));
    }

    /** Every 8-char window of every planted secret: a redacted report shows at most 4 chars of one. */
    static List<String> leakedPieces(String output, List<String> secrets) {
        List<String> found = new ArrayList<>();
        for (String s : secrets) {
            for (int i = 0; i + 8 <= s.length(); i++) {
                String piece = s.substring(i, i + 8);
                if (output.contains(piece)) {
                    found.add(piece);
                }
            }
            if (s.length() < 8 && output.contains(s)) {
                found.add(s);
            }
        }
        return found;
    }
}
