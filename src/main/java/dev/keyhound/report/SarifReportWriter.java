package dev.keyhound.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keyhound.finding.Baseline;
import dev.keyhound.finding.Finding;
import dev.keyhound.finding.FindingCollector;
import dev.keyhound.finding.FindingPart;
import dev.keyhound.finding.Location;
import dev.keyhound.finding.Provenance;
import dev.keyhound.finding.StableJson;
import dev.keyhound.finding.Suppressions;
import dev.keyhound.rules.ProviderInfo;
import dev.keyhound.rules.Revoke;
import dev.keyhound.rules.Rule;
import dev.keyhound.rules.RuleSet;
import dev.keyhound.rules.Severity;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.zip.GZIPOutputStream;

/**
 * SARIF 2.1.0 for GitHub code scanning (docs/sarif.md). What GitHub actually reads decides the shape:
 * <ul>
 *   <li>one run, category {@code keyhound/<mode>/} in {@code automationDetails.id}, so history and
 *       diff scans of one repository never collide;</li>
 *   <li>only the rules that produced a result, each with the descriptions, help and
 *       {@code security-severity} GitHub displays;</li>
 *   <li>{@code primaryLocationLineHash} computed here from the fingerprint and the redacted line, so
 *       the upload action never hashes a checkout file that no longer holds a history finding;</li>
 *   <li>repo-relative URIs under {@code %SRCROOT%}, never {@code git show} URIs;</li>
 *   <li>no raw secret anywhere unless --no-redact;</li>
 *   <li>GitHub's limits (results per run, locations per result, gzipped size) kept by dropping the
 *       least severe results first, recorded in {@code run.properties};</li>
 *   <li>no timestamps: the same input gives the same bytes.</li>
 * </ul>
 */
final class SarifReportWriter implements ReportWriter {
    static final String SCHEMA = "https://raw.githubusercontent.com/oasis-tcs/sarif-spec/master/Schemata/sarif-schema-2.1.0.json";
    static final String SRCROOT = "%SRCROOT%";
    static final String LINE_HASH_KEY = "primaryLocationLineHash";

    /** GitHub's hard limits (docs: SARIF support for code scanning). */
    static final int MAX_RESULTS = 25_000;
    static final int MAX_LOCATIONS = 1_000;
    static final long MAX_GZIP_BYTES = 10L * 1024 * 1024;
    /** GitHub shows at most 10 tags per rule (20 accepted). */
    static final int MAX_TAGS = 10;

    private final int maxResults;
    private final int maxLocations;
    private final long maxGzipBytes;

    SarifReportWriter() {
        this(MAX_RESULTS, MAX_LOCATIONS, MAX_GZIP_BYTES);
    }

    /** Smaller limits, for tests of the cutting. */
    SarifReportWriter(int maxResults, int maxLocations, long maxGzipBytes) {
        this.maxResults = maxResults;
        this.maxLocations = maxLocations;
        this.maxGzipBytes = maxGzipBytes;
    }

    /** Output up to this size is kept from the measuring pass instead of being generated again. */
    static final int REUSE_LIMIT = 32 * 1024 * 1024;

    @Override
    public void write(ScanReport report, ReportOptions options, OutputStream out) throws IOException {
        List<Finding> findings = new ArrayList<>(Advice.visible(report, options));
        findings.sort(FindingCollector.ORDER);
        int keep = Math.min(findings.size(), maxResults);
        while (true) {
            // Measure the gzipped size while streaming; keep the bytes when they are small.
            Probe probe = new Probe(REUSE_LIMIT);
            emit(probe, report, options, findings.subList(0, keep), findings.size() - keep);
            long size = probe.gzippedSize();
            if (size <= maxGzipBytes || keep == 0) {
                if (probe.kept() != null) {
                    probe.kept().writeTo(out);
                } else {
                    emit(out, report, options, findings.subList(0, keep), findings.size() - keep);
                }
                out.flush();
                return;
            }
            // Shrink in proportion, with a margin; always by at least one result.
            keep = Math.max(0, Math.min(keep - 1, (int) (keep * (maxGzipBytes / (double) size) * 0.9)));
        }
    }

    /** Writes the whole log, one result at a time. */
    private void emit(OutputStream out, ScanReport report, ReportOptions options, List<Finding> findings,
                      int resultsOmitted) throws IOException {
        ObjectMapper json = StableJson.MAPPER;
        Redaction redaction = Redaction.of(options);
        RuleSet rules = report.rules();

        // Rules: each rule id that produced a result, once, sorted, so indexes are stable.
        // The most severe finding of each stands in for a rule the rule set does not know.
        TreeMap<String, Finding> worstByRule = new TreeMap<>();
        for (Finding f : findings) {
            worstByRule.merge(f.ruleId(), f, (a, b) -> b.severity().compareTo(a.severity()) < 0 ? b : a);
        }
        Map<String, Integer> ruleIndex = new HashMap<>();
        for (String id : worstByRule.keySet()) {
            ruleIndex.put(id, ruleIndex.size());
        }
        ScanSummary summary = report.summary();
        String mode = summary == null || summary.mode() == null ? "scan" : summary.mode();

        try (JsonGenerator g = StableJson.generator(out)) {
            g.writeStartObject();
            g.writeStringField("$schema", SCHEMA);
            g.writeStringField("version", "2.1.0");
            g.writeArrayFieldStart("runs");
            g.writeStartObject();

            ObjectNode tool = json.createObjectNode();
            ObjectNode driver = tool.putObject("driver");
            driver.put("name", Advice.TOOL_NAME);
            if (options.toolVersion() != null) {
                driver.put("version", options.toolVersion());
            }
            driver.put("informationUri", Advice.INFORMATION_URI);
            ArrayNode ruleNodes = driver.putArray("rules");
            for (Map.Entry<String, Finding> e : worstByRule.entrySet()) {
                ruleNodes.add(rule(rules, e.getKey(), e.getValue(), json));
            }
            g.writeFieldName("tool");
            g.writeTree(tool);
            g.writeObjectFieldStart("automationDetails");
            g.writeStringField("id", Advice.TOOL_NAME + "/" + mode + "/");
            g.writeEndObject();
            g.writeStringField("columnKind", "utf16CodeUnits");

            g.writeArrayFieldStart("results");
            long locationsOmitted = 0;
            for (Finding f : findings) {
                ResultBuilder rb = new ResultBuilder(rules, f, redaction, json);
                g.writeTree(rb.build(ruleIndex.get(f.ruleId()), maxLocations));
                locationsOmitted += rb.omitted;
            }
            g.writeEndArray();

            ObjectNode props = json.createObjectNode();
            props.put("mode", mode);
            if (summary != null) {
                props.put("commits", summary.commits());
                props.put("blobs", summary.blobs());
                props.put("findings", summary.findings());
                props.put("suppressed", summary.suppressed());
            }
            props.put("resultsOmitted", resultsOmitted);
            props.put("relatedLocationsOmitted", locationsOmitted);
            if (resultsOmitted > 0) {
                props.put("limitNote", resultsOmitted + " least severe results left out to stay within GitHub's"
                        + " limits (" + maxResults + " results per run, " + maxGzipBytes + " bytes gzipped);"
                        + " the JSON report lists every finding");
            }
            g.writeFieldName("properties");
            g.writeTree(props);

            g.writeEndObject();
            g.writeEndArray();
            g.writeEndObject();
        }
        StableJson.end(out);
    }

    // ---------------------------------------------------------------- rules

    private static ObjectNode rule(RuleSet rules, String ruleId, Finding sample, ObjectMapper json) {
        Optional<Rule> rule = Advice.rule(rules, ruleId);
        Severity worst = sample.severity();
        String providerId = rule.map(Rule::provider).orElse(sample.provider());
        String providerName = Advice.providerName(rules, providerId);
        String part = rule.map(Rule::part).orElse(sample.primary().part());
        Severity severity = rule.map(Rule::severity).orElse(worst);
        String description = Advice.ruleDescription(rules, ruleId);
        Revoke revoke = Advice.revoke(rules, ruleId, providerId);
        List<String> references = rule.map(Rule::references).orElse(List.of());
        String helpUri = revoke.url() != null ? revoke.url()
                : !references.isEmpty() ? references.get(0) : Advice.INFORMATION_URI;

        ObjectNode r = json.createObjectNode();
        r.put("id", ruleId);
        r.put("name", pascalCase(ruleId));
        r.putObject("shortDescription").put("text", description);
        r.putObject("fullDescription").put("text", fullDescription(description, providerName, part));
        ObjectNode help = r.putObject("help");
        help.put("text", helpText(ruleId, description, providerName, part, revoke, references));
        help.put("markdown", helpMarkdown(ruleId, description, providerName, part, revoke, references));
        r.put("helpUri", helpUri);
        r.putObject("defaultConfiguration").put("level", level(severity));
        ObjectNode props = r.putObject("properties");
        ArrayNode tags = props.putArray("tags");
        Set<String> tagSet = new LinkedHashSet<>(List.of("security", "secret"));
        rules(rules).provider(providerId).map(ProviderInfo::kind).filter(k -> k != null && !k.isBlank())
                .ifPresent(tagSet::add);
        rule.ifPresent(x -> x.tags().forEach(tagSet::add));
        tagSet.stream().limit(MAX_TAGS).forEach(tags::add);
        props.put("precision", precision(rules, providerId));
        props.put("security-severity", securitySeverity(severity));
        props.put("provider", providerId);
        props.put("part", part);
        return r;
    }

    private static RuleSet rules(RuleSet rules) {
        return rules != null ? rules : RuleSet.of(List.of(), List.of(), Map.of());
    }

    static String fullDescription(String description, String providerName, String part) {
        return description.replaceAll("[.\\s]+$", "") + ". A leaked " + providerName + " " + part + " lets anyone who can read this"
                + " repository, its history or any clone of it act with the credential's permissions until it"
                + " is revoked. Deleting it from the code does not undo the leak: it stays in git history.";
    }

    static String helpText(String ruleId, String description, String providerName, String part, Revoke revoke,
                           List<String> references) {
        StringBuilder b = new StringBuilder();
        b.append(description).append('\n').append('\n');
        b.append("What it is: ").append(providerName).append(' ').append(part)
                .append(" (keyhound rule ").append(ruleId).append("). Anyone who can read this repository, its")
                .append(" history or a clone can use it until it is revoked.\n\n");
        b.append("What to do now:\n");
        int n = 1;
        if (revoke.url() != null) {
            b.append(n++).append(". Revoke it at ").append(revoke.url()).append('\n');
        }
        for (String step : revoke.steps()) {
            b.append(n++).append(". ").append(step).append('\n');
        }
        b.append("Revoke first: removing the value from the code or rewriting history does not un-leak it.\n\n");
        b.append("False positive? Add 'keyhound:allow' in a comment on the line, or run"
                + " 'keyhound ignore <fingerprint>' with the fingerprint from the alert's properties.\n");
        if (!references.isEmpty()) {
            b.append("\nReferences:\n");
            references.forEach(ref -> b.append("- ").append(ref).append('\n'));
        }
        return b.toString();
    }

    static String helpMarkdown(String ruleId, String description, String providerName, String part, Revoke revoke,
                               List<String> references) {
        StringBuilder b = new StringBuilder();
        b.append("**").append(md(description)).append("**\n\n");
        b.append("What it is: ").append(md(providerName)).append(' ').append(md(part))
                .append(" (keyhound rule `").append(ruleId).append("`). Anyone who can read this repository,"
                        + " its history or a clone can use it until it is revoked.\n\n");
        b.append("### What to do now\n\n");
        int n = 1;
        if (revoke.url() != null) {
            b.append(n++).append(". Revoke it at <").append(revoke.url()).append(">\n");
        }
        for (String step : revoke.steps()) {
            b.append(n++).append(". ").append(md(step)).append('\n');
        }
        b.append("\nRevoke first: removing the value from the code or rewriting history does not un-leak it.\n\n");
        b.append("### False positive?\n\n");
        b.append("Add `keyhound:allow` in a comment on the line, or run `keyhound ignore <fingerprint>`"
                + " with the fingerprint from the alert's properties.\n");
        if (!references.isEmpty()) {
            b.append("\n### References\n\n");
            references.forEach(ref -> b.append("- <").append(ref).append(">\n"));
        }
        return b.toString();
    }

    /** Escapes the characters that would turn plain rule text into markdown markup. */
    private static String md(String s) {
        return s == null ? "" : s.replaceAll("([\\\\`*_\\[\\]<>#|])", "\\\\$1");
    }

    static String pascalCase(String id) {
        StringBuilder b = new StringBuilder();
        for (String w : id.split("[^A-Za-z0-9]+")) {
            if (!w.isEmpty()) {
                b.append(Character.toUpperCase(w.charAt(0))).append(w.substring(1));
            }
        }
        return b.length() == 0 ? "Secret" : b.toString();
    }

    private static String precision(RuleSet rules, String providerId) {
        Optional<ProviderInfo> p = rules(rules).provider(providerId);
        return p.isPresent() && !"generic".equals(p.get().kind()) ? "high" : "medium";
    }

    static String securitySeverity(Severity s) {
        return switch (s) {
            case CRITICAL -> "9.5";
            case HIGH -> "8.0";
            case MEDIUM -> "5.5";
            case LOW -> "3.0";
            case INFO -> "1.0";
        };
    }

    static String level(Severity s) {
        return switch (s) {
            case CRITICAL, HIGH -> "error";
            case MEDIUM -> "warning";
            case LOW, INFO -> "note";
        };
    }

    // ---------------------------------------------------------------- results

    private static final class ResultBuilder {
        final RuleSet rules;
        final Finding f;
        final Redaction redaction;
        final ObjectMapper json;
        long omitted;

        ResultBuilder(RuleSet rules, Finding f, Redaction redaction, ObjectMapper json) {
            this.rules = rules;
            this.f = f;
            this.redaction = redaction;
            this.json = json;
        }

        ObjectNode build(int ruleIndex, int maxLocations) {
            FindingPart primary = f.primary();
            Location where = primary.location();
            ObjectNode r = json.createObjectNode();
            r.put("ruleId", f.ruleId());
            r.put("ruleIndex", ruleIndex);
            r.put("level", level(f.severity()));
            r.putObject("message").put("text", message());
            ObjectNode loc = r.putArray("locations").addObject();
            loc.set("physicalLocation", physical(where, primary.secret(), true));

            // Related: the other parts of the credential, then the further places it was seen.
            List<ObjectNode> related = new ArrayList<>();
            for (int p = 1; p < f.parts().size(); p++) {
                FindingPart part = f.parts().get(p);
                if (part.location() == null) {
                    continue;
                }
                ObjectNode rl = json.createObjectNode();
                rl.set("physicalLocation", physical(part.location(), part.secret(), false));
                rl.putObject("message").put("text", "The " + part.part() + " of the same credential (rule "
                        + part.ruleId() + ").");
                related.add(rl);
            }
            for (int s = 1; s < f.seenAt().size(); s++) {
                Location l = f.seenAt().get(s);
                ObjectNode rl = json.createObjectNode();
                rl.set("physicalLocation", physical(l, primary.secret(), false));
                rl.putObject("message").put("text", "Also seen here" + provenanceText(l.provenance()) + ".");
                related.add(rl);
            }
            int room = Math.max(0, maxLocations - 1);
            omitted = Math.max(0, related.size() - room);
            if (!related.isEmpty() && room > 0) {
                ArrayNode arr = r.putArray("relatedLocations");
                int id = 1;
                for (ObjectNode rl : related.subList(0, Math.min(room, related.size()))) {
                    ObjectNode withId = json.createObjectNode();
                    withId.put("id", id++);
                    withId.setAll(rl);
                    arr.add(withId);
                }
            }

            ObjectNode fps = r.putObject("partialFingerprints");
            fps.put(Baseline.SARIF_FINGERPRINT_KEY, f.fingerprint());
            fps.put(LINE_HASH_KEY, lineHash(f));

            if (f.suppression() != null) {
                ObjectNode sup = r.putArray("suppressions").addObject();
                if (Suppressions.INLINE.equals(f.suppression())) {
                    sup.put("kind", "inSource");
                    sup.put("justification", "keyhound:allow comment on the line");
                } else {
                    sup.put("kind", "external");
                    sup.put("justification", Suppressions.BASELINE.equals(f.suppression())
                            ? "in the keyhound baseline" : "listed in .keyhoundignore");
                }
            }

            ObjectNode props = r.putObject("properties");
            props.put("fingerprint", f.fingerprint());
            props.put("provider", f.provider());
            props.put("providerName", Advice.providerName(rules, f.provider()));
            props.put("part", primary.part());
            props.put("severity", f.severity().label());
            if (f.note() != null) {
                props.put("note", f.note());
            }
            Provenance p = where == null ? null : where.provenance();
            if (p != null) {
                putIfNotNull(props, "commit", p.commitId());
                putIfNotNull(props, "author", p.author());
                if (p.date() != null) {
                    props.put("date", p.date().toString());
                }
            }
            if (f.stillInHead() != null) {
                props.put("stillInHead", f.stillInHead());
            }
            props.put("seenCount", f.seenCount());
            ArrayNode parts = props.putArray("parts");
            for (FindingPart part : f.parts()) {
                ObjectNode po = parts.addObject();
                po.put("part", part.part());
                po.put("ruleId", part.ruleId());
                if (!redaction.enabled()) {
                    po.put("secret", part.secret());
                }
            }
            return r;
        }

        private String message() {
            FindingPart primary = f.primary();
            Location where = primary.location();
            StringBuilder b = new StringBuilder();
            if (f.severity() == Severity.INFO) {
                b.append("Note: ");
            }
            b.append(Advice.title(rules, f)).append(" (").append(f.severity().label()).append(")");
            if (where != null) {
                b.append(" in ").append(where.path()).append(" line ").append(where.line());
                b.append(provenanceText(where.provenance()));
            }
            b.append('.');
            if (f.note() != null) {
                b.append(' ').append(capitalize(f.note())).append('.');
            }
            if (Boolean.TRUE.equals(f.stillInHead())) {
                b.append(" Still in HEAD.");
            } else if (Boolean.FALSE.equals(f.stillInHead())) {
                b.append(" No longer in HEAD, but still in git history: revoke it all the same.");
            }
            if (f.seenCount() > 1) {
                b.append(" Seen in ").append(f.seenCount()).append(" places.");
            }
            Revoke revoke = Advice.revoke(rules, f);
            if (revoke.url() != null) {
                b.append(" Revoke it at ").append(revoke.url()).append('.');
            }
            if (!redaction.enabled()) {
                b.append(" Value: ").append(primary.secret());
            }
            return b.toString();
        }

        private ObjectNode physical(Location l, String secret, boolean withSnippet) {
            ObjectNode pl = json.createObjectNode();
            ObjectNode art = pl.putObject("artifactLocation");
            String path = l == null ? "-" : l.path();
            if (isAbsolute(path)) {
                art.put("uri", fileUri(path));
            } else {
                art.put("uri", relativeUri(path));
                art.put("uriBaseId", SRCROOT);
            }
            ObjectNode region = pl.putObject("region");
            int line = l == null ? 1 : Math.max(1, l.line());
            int col = l == null ? 1 : Math.max(1, l.column());
            region.put("startLine", line);
            region.put("startColumn", col);
            int extraLines = secret == null ? 0 : (int) secret.chars().filter(c -> c == '\n').count();
            if (extraLines > 0) {
                region.put("endLine", line + extraLines);
            }
            if (l != null && l.endColumn() >= 1 && (extraLines > 0 || l.endColumn() > col)) {
                region.put("endColumn", l.endColumn());
            }
            if (withSnippet && l != null && l.lineText() != null) {
                region.putObject("snippet").put("text", redaction.line(l.lineText(), f));
            }
            return pl;
        }
    }

    private static String provenanceText(Provenance p) {
        if (p == null || p.commitId() == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(", introduced in commit ").append(Advice.shortCommit(p.commitId()));
        if (p.author() != null) {
            b.append(" by ").append(p.author());
        }
        if (p.date() != null) {
            b.append(" on ").append(p.date().toString(), 0, 10);
        }
        return b.toString();
    }

    private static String capitalize(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static void putIfNotNull(ObjectNode o, String key, String value) {
        if (value != null) {
            o.put(key, value);
        }
    }

    /**
     * GitHub's alert identity key, computed by us (never by the upload action from a checkout file
     * that may not hold a history finding): SHA-256 over the fingerprint and the trimmed line with
     * the secrets always redacted, so the key is the same with or without --no-redact.
     */
    static String lineHash(Finding f) {
        Location l = f.primary().location();
        String line = l == null || l.lineText() == null ? "" : Redaction.always().line(l.lineText(), f).strip();
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(f.fingerprint().getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(line.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest(), 0, 8) + ":1";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---------------------------------------------------------------- URIs

    static boolean isAbsolute(String path) {
        String p = path.replace('\\', '/');
        return p.startsWith("/") || p.matches("^[A-Za-z]:/.*");
    }

    /** A repo-relative path as a URI reference: '/' separators, no "./", every other char percent-encoded. */
    static String relativeUri(String path) {
        String p = path.replace('\\', '/');
        while (p.startsWith("./")) {
            p = p.substring(2);
        }
        return encode(p, true);
    }

    static String fileUri(String path) {
        String p = path.replace('\\', '/');
        if (!p.startsWith("/")) {
            p = "/" + p;
        }
        return "file://" + encode(p, false);
    }

    private static String encode(String path, boolean relative) {
        StringBuilder b = new StringBuilder();
        for (byte x : path.getBytes(StandardCharsets.UTF_8)) {
            int c = x & 0xff;
            boolean plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || "-._~/!$&'()*+,;=@".indexOf(c) >= 0 || (c == ':' && !relative);
            if (plain) {
                b.append((char) c);
            } else {
                b.append('%').append(String.format(Locale.ROOT, "%02X", c));
            }
        }
        return b.toString();
    }

    /** Counts the gzipped size of what passes through, and keeps the raw bytes up to a limit. */
    private static final class Probe extends OutputStream {
        private final CountingStream counted = new CountingStream();
        private final GZIPOutputStream gzip;
        private final int limit;
        private ByteArrayOutputStream kept = new ByteArrayOutputStream();

        Probe(int limit) throws IOException {
            this.gzip = new GZIPOutputStream(counted, 64 * 1024);
            this.limit = limit;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            gzip.write(b, off, len);
            if (kept != null) {
                if (kept.size() + (long) len > limit) {
                    kept = null;
                } else {
                    kept.write(b, off, len);
                }
            }
        }

        long gzippedSize() throws IOException {
            gzip.finish();
            return counted.count;
        }

        /** The bytes written, or null when they exceeded the limit. */
        ByteArrayOutputStream kept() {
            return kept;
        }
    }

    private static final class CountingStream extends OutputStream {
        long count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            count += len;
        }
    }
}
