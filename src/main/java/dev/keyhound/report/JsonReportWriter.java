package dev.keyhound.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keyhound.finding.Finding;
import dev.keyhound.finding.FindingPart;
import dev.keyhound.finding.Location;
import dev.keyhound.finding.Provenance;
import dev.keyhound.finding.StableJson;
import dev.keyhound.rules.Revoke;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The machine-readable report (docs/json-format.md). Keys always appear, in a fixed order, with
 * null where a value does not apply, so consumers need no guessing and diffs stay small.
 */
final class JsonReportWriter implements ReportWriter {
    static final int VERSION = 1;

    @Override
    public void write(ScanReport report, ReportOptions options, OutputStream out) throws IOException {
        ObjectMapper json = StableJson.MAPPER;
        Redaction redaction = Redaction.of(options);
        // Streamed one finding at a time: a history scan may hold many thousands.
        try (JsonGenerator g = StableJson.generator(out)) {
            g.writeStartObject();
            g.writeNumberField("version", VERSION);
            ObjectNode tool = json.createObjectNode();
            tool.put("name", Advice.TOOL_NAME);
            tool.put("version", options.toolVersion());
            tool.put("informationUri", Advice.INFORMATION_URI);
            g.writeFieldName("tool");
            g.writeTree(tool);
            g.writeFieldName("summary");
            g.writeTree(summary(report.summary(), json));
            g.writeArrayFieldStart("findings");
            for (Finding f : Advice.visible(report, options)) {
                g.writeTree(finding(report, f, redaction, json));
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        StableJson.end(out);
    }

    private static ObjectNode summary(ScanSummary s, ObjectMapper json) {
        return s == null ? json.createObjectNode() : json.valueToTree(s); // the record's components, in order
    }

    private static ObjectNode finding(ScanReport report, Finding f, Redaction redaction, ObjectMapper json) {
        ObjectNode o = json.createObjectNode();
        FindingPart primary = f.primary();
        o.put("fingerprint", f.fingerprint());
        o.put("ruleId", f.ruleId());
        o.put("provider", f.provider());
        o.put("providerName", Advice.providerName(report.rules(), f.provider()));
        o.put("part", primary.part());
        o.put("severity", f.severity().label());
        o.put("note", f.note());
        o.put("secret", redaction.secret(primary.secret()));
        ArrayNode parts = o.putArray("parts");
        for (FindingPart p : f.parts()) {
            ObjectNode po = parts.addObject();
            po.put("ruleId", p.ruleId());
            po.put("part", p.part());
            po.put("secret", redaction.secret(p.secret()));
            po.put("entropy", BigDecimal.valueOf(p.entropy()).setScale(2, RoundingMode.HALF_UP));
            ObjectNode lo = location(p.location(), json);
            lo.put("lineText", p.location() == null ? null : redaction.line(p.location().lineText(), f));
            po.set("location", lo);
        }
        ArrayNode locations = o.putArray("locations");
        for (Location l : f.seenAt()) {
            locations.add(location(l, json));
        }
        o.put("seenCount", f.seenCount());
        if (f.stillInHead() == null) {
            o.putNull("stillInHead");
        } else {
            o.put("stillInHead", f.stillInHead());
        }
        o.put("suppression", f.suppression());
        Revoke revoke = Advice.revoke(report.rules(), f);
        ObjectNode ro = o.putObject("revoke");
        ro.put("url", revoke.url());
        ArrayNode steps = ro.putArray("steps");
        revoke.steps().forEach(steps::add);
        return o;
    }

    private static ObjectNode location(Location l, ObjectMapper json) {
        ObjectNode o = json.createObjectNode();
        if (l == null) {
            return o;
        }
        Provenance p = l.provenance();
        o.put("path", l.path());
        o.put("line", l.line());
        o.put("column", l.column());
        o.put("endColumn", l.endColumn());
        o.put("blobId", l.blobId());
        o.put("commit", p == null ? null : p.commitId());
        o.put("author", p == null ? null : p.author());
        o.put("email", p == null ? null : p.email());
        o.put("date", p == null || p.date() == null ? null : p.date().toString());
        return o;
    }
}
