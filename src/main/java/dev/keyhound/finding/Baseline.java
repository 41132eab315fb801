package dev.keyhound.finding;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A previous keyhound report (JSON or SARIF) whose findings are known and not reported again.
 *
 * <p>The baseline file keyhound writes (docs/suppressing.md) is a slim, stable JSON list:
 * <pre>
 * {
 *   "keyhound" : "baseline",
 *   "version" : 1,
 *   "findings" : [ {
 *     "fingerprint" : "3f1c…",
 *     "ruleId" : "binance-api-key",
 *     "provider" : "binance",
 *     "path" : "config/prod.env"
 *   } ]
 * }
 * </pre>
 * sorted by fingerprint, with no secret, no line, no commit and no timestamp, so it changes only
 * when the set of known findings does: no merge conflicts from line drift. Only the fingerprint
 * is matched; rule, provider and path are there for the reviewer of the baseline's diff.
 * {@link #load} also reads the {@code findings[].fingerprint} of a keyhound JSON report and the
 * {@code partialFingerprints["keyhoundFingerprint/v1"]} of a keyhound SARIF file.
 * OWNER: findings helper.
 */
public final class Baseline {
    /** The SARIF partialFingerprints key keyhound writes its fingerprint under. */
    public static final String SARIF_FINGERPRINT_KEY = "keyhoundFingerprint/v1";

    private static final ObjectMapper JSON = StableJson.MAPPER;

    private final Set<String> fingerprints;

    private Baseline(Set<String> fingerprints) {
        this.fingerprints = Collections.unmodifiableSet(fingerprints);
    }

    public static Baseline empty() {
        return new Baseline(new TreeSet<>());
    }

    /** Reads fingerprints from a keyhound JSON report, a baseline file, or a keyhound SARIF file. */
    public static Baseline load(Path file) throws IOException {
        JsonNode root;
        try {
            root = JSON.readTree(Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            throw new IOException(file + ": no such baseline file");
        } catch (JsonProcessingException e) {
            throw new IOException(file + ": not JSON (line " + e.getLocation().getLineNr() + ")");
        }
        Set<String> fps = new TreeSet<>();
        if (root != null && root.path("findings").isArray()) {
            for (JsonNode f : root.path("findings")) {
                add(fps, f.path("fingerprint"), file);
            }
        } else if (root != null && root.path("runs").isArray()) {
            for (JsonNode run : root.path("runs")) {
                for (JsonNode result : run.path("results")) {
                    add(fps, result.path("partialFingerprints").path(SARIF_FINGERPRINT_KEY), file);
                }
            }
        } else {
            throw new IOException(file + ": not a keyhound baseline, JSON report or SARIF file");
        }
        return new Baseline(fps);
    }

    private static void add(Set<String> into, JsonNode fp, Path file) throws IOException {
        if (!fp.isTextual() || !fp.asText().matches("[0-9a-fA-F]{64}")) {
            throw new IOException(file + ": an entry has no keyhound fingerprint (64 hex digits)");
        }
        into.add(fp.asText().toLowerCase(Locale.ROOT));
    }

    public boolean contains(String fingerprint) {
        return fingerprints.contains(fingerprint.toLowerCase(Locale.ROOT));
    }

    public int size() {
        return fingerprints.size();
    }

    /** Writes a baseline: byte-identical for the same findings (sorted, no timestamps, secrets never raw). */
    public static void write(List<Finding> findings, Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.write(file, render(findings));
    }

    /** The bytes {@link #write} writes. */
    public static byte[] render(List<Finding> findings) {
        TreeMap<String, Finding> byFp = new TreeMap<>();
        for (Finding f : findings) {
            byFp.putIfAbsent(f.fingerprint(), f);
        }
        ObjectNode root = JSON.createObjectNode();
        root.put("keyhound", "baseline");
        root.put("version", 1);
        ArrayNode list = root.putArray("findings");
        for (Finding f : byFp.values()) {
            ObjectNode o = list.addObject();
            o.put("fingerprint", f.fingerprint());
            o.put("ruleId", f.ruleId());
            o.put("provider", f.provider());
            o.put("path", f.primary().location() == null ? null : f.primary().location().path());
        }
        return StableJson.bytes(root);
    }
}
