package dev.keyhound.rules;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import dev.keyhound.detect.validate.Validators;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads one TOML rule file (ours, or a gitleaks config) into a {@link ConfigFile}. Every problem
 * is a {@link RuleFileException} naming the file, the rule and the reason on one line.
 */
final class RuleLoader {
    private static final TomlMapper TOML = new TomlMapper();

    private RuleLoader() {
    }

    static ConfigFile load(Path file) throws RuleFileException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            throw new RuleFileException(file.toString(), null, "cannot read: " + oneLine(e.getMessage()), e);
        }
        return parse(file.toString(), text);
    }

    static ConfigFile parse(String file, String text) throws RuleFileException {
        JsonNode root;
        try {
            root = TOML.readTree(text);
        } catch (JacksonException e) {
            String where = e.getLocation() == null || e.getLocation().getLineNr() < 1 ? ""
                    : " at line " + e.getLocation().getLineNr();
            throw new RuleFileException(file, null, "bad TOML" + where + ": " + oneLine(e.getOriginalMessage()), e);
        }
        if (root == null) {
            root = TOML.createObjectNode();
        }
        TomlFields top = new TomlFields(file, null, "top level", root);
        String title = top.string("title");
        top.take("description");
        top.take("minVersion");
        ProviderInfo provider = top.has("provider") ? provider(file, top.take("provider")) : null;
        ConfigFile.Extend extend = top.has("extend") ? extend(file, top.take("extend")) : ConfigFile.Extend.NONE;

        List<Allowlist> allowlists = allowlists(file, top, null, "", true);

        List<RuleSpec> rules = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        int index = 0;
        for (JsonNode r : top.tables("rules")) {
            index++;
            RuleSpec spec = rule(file, r, index);
            if (!ids.add(spec.id())) {
                throw new RuleFileException(file, spec.id(), "duplicate rule id");
            }
            rules.add(spec);
        }
        top.rejectUnknown();
        return new ConfigFile(file, title, provider, rules, allowlists, extend);
    }

    private static ProviderInfo provider(String file, JsonNode node) throws RuleFileException {
        TomlFields f = new TomlFields(file, null, "provider", node);
        String id = f.string("id");
        if (id == null || id.isBlank()) {
            throw f.error("[provider] has no id");
        }
        String name = f.string("name");
        String kind = f.string("kind");
        String status = f.string("status");
        String revoke = f.string("revoke");
        List<String> steps = f.strings("steps");
        f.rejectUnknown();
        return new ProviderInfo(id, name == null ? id : name, kind == null ? "generic" : kind,
                status == null ? "active" : status, new Revoke(revoke, steps));
    }

    private static ConfigFile.Extend extend(String file, JsonNode node) throws RuleFileException {
        TomlFields f = new TomlFields(file, null, "extend", node);
        Boolean useDefault = f.bool("useDefault");
        String path = f.string("path");
        String url = f.string("url");
        List<String> disabled = f.strings("disabledRules");
        f.rejectUnknown();
        if (url != null && !url.isBlank()) {
            throw f.error("[extend] url is not supported: a scan reads no network; download the file and use path");
        }
        if (path != null && !path.isBlank() && Boolean.TRUE.equals(useDefault)) {
            throw f.error("[extend] path and useDefault cannot both be set");
        }
        return new ConfigFile.Extend(Boolean.TRUE.equals(useDefault), path == null || path.isBlank() ? null : path,
                disabled == null ? List.of() : disabled);
    }

    private static RuleSpec rule(String file, JsonNode node, int index) throws RuleFileException {
        String idGuess = node != null && node.isObject() ? idOf(node) : null;
        TomlFields f = new TomlFields(file, idGuess, "rules", node);
        String id = f.string("id");
        if (id == null || id.isBlank()) {
            throw new RuleFileException(file, null, "rule #" + index + " has no id");
        }
        String description = f.string("description");
        Pattern regex = pattern(f, "regex");
        Integer secretGroup = f.integer("secretGroup");
        if (secretGroup != null && secretGroup < 0) {
            throw f.error("secretGroup must be 0 or more");
        }
        if (regex != null && secretGroup != null && secretGroup > regex.groupCount()) {
            throw f.error("secretGroup " + secretGroup + " but the regex has " + regex.groupCount() + " groups");
        }
        Double entropy = f.number("entropy");
        List<String> keywords = f.strings("keywords");
        if (keywords != null) {
            keywords = keywords.stream().map(k -> k.toLowerCase(Locale.ROOT)).filter(k -> !k.isEmpty()).toList();
        }
        Pattern path = pattern(f, "path");
        List<String> tags = f.strings("tags");
        List<Allowlist> allowlists = allowlists(file, f, id, "rules.", false);
        List<CompositeRequirement> required = new ArrayList<>();
        for (JsonNode r : f.tables("required")) {
            TomlFields rf = new TomlFields(file, id, "rules.required", r);
            String rid = rf.string("id");
            if (rid == null || rid.isBlank()) {
                throw rf.error("[[rules.required]] has no id");
            }
            Integer lines = rf.integer("withinLines");
            Integer columns = rf.integer("withinColumns");
            rf.rejectUnknown();
            required.add(new CompositeRequirement(rid, lines, columns));
        }
        Boolean skipReport = f.bool("skipReport");
        String provider = f.string("provider");
        String part = f.string("part");
        String severityText = f.string("severity");
        Severity severity = null;
        if (severityText != null) {
            try {
                severity = Severity.parse(severityText);
            } catch (IllegalArgumentException e) {
                throw f.error("unknown severity '" + severityText + "' (critical, high, medium, low, info)");
            }
        }
        RuleSpec.RevokeSpec revoke = null;
        if (f.has("revoke")) {
            TomlFields rv = new TomlFields(file, id, "rules.revoke", f.take("revoke"));
            revoke = new RuleSpec.RevokeSpec(rv.string("url"), rv.strings("steps"));
            rv.rejectUnknown();
        }
        List<String> references = f.strings("references");
        String validate = f.string("validate");
        if (validate != null && Validators.byName(validate).isEmpty()) {
            throw f.error("unknown validator '" + validate + "'");
        }
        List<String> examples = f.strings("examples");
        List<String> negativeExamples = f.strings("negativeExamples");
        f.rejectUnknown();
        return new RuleSpec(id, description, regex, secretGroup, entropy, keywords, path, tags, allowlists,
                required, skipReport, provider, part, severity, revoke, references, validate, examples,
                negativeExamples, file);
    }

    private static String idOf(JsonNode node) {
        var it = node.fields();
        while (it.hasNext()) {
            var e = it.next();
            if (e.getKey().equalsIgnoreCase("id") && e.getValue().isTextual()) {
                return e.getValue().textValue();
            }
        }
        return null;
    }

    private static Allowlist allowlist(String file, String ruleId, String table, JsonNode node, boolean global)
            throws RuleFileException {
        TomlFields f = new TomlFields(file, ruleId, table, node);
        String description = f.string("description");
        String conditionText = f.string("condition");
        Allowlist.Condition condition;
        String c = conditionText == null ? "" : conditionText.trim().toUpperCase(Locale.ROOT);
        switch (c) {
            case "", "OR", "||" -> condition = Allowlist.Condition.OR;
            case "AND", "&&" -> condition = Allowlist.Condition.AND;
            default -> throw f.error("unknown allowlist condition '" + conditionText + "' (OR, AND)");
        }
        String target = f.string("regexTarget");
        if (target == null || target.isEmpty()) {
            target = "secret";
        } else if (!target.equals("secret") && !target.equals("match") && !target.equals("line")) {
            throw f.error("unknown allowlist regexTarget '" + target + "' (secret, match, line)");
        }
        List<Pattern> regexes = patterns(f, "regexes");
        List<String> stopwords = f.strings("stopwords");
        stopwords = stopwords == null ? List.of()
                : stopwords.stream().map(s -> s.toLowerCase(Locale.ROOT)).distinct().toList();
        List<Pattern> paths = patterns(f, "paths");
        List<String> commits = f.strings("commits");
        commits = commits == null ? List.of()
                : commits.stream().map(s -> s.trim().toLowerCase(Locale.ROOT)).distinct().toList();
        List<String> targetRules = List.of();
        if (global) {
            List<String> t = f.strings("targetRules");
            targetRules = t == null ? List.of() : t;
        }
        f.rejectUnknown();
        if (regexes.isEmpty() && stopwords.isEmpty() && paths.isEmpty() && commits.isEmpty()) {
            throw f.error("an allowlist needs at least one of commits, paths, regexes or stopwords");
        }
        return new Allowlist(description, condition, regexes, target, stopwords, paths, commits, targetRules);
    }

    private static Pattern pattern(TomlFields f, String key) throws RuleFileException {
        String text = f.string(key);
        if (text == null || text.isEmpty()) {
            return null;
        }
        return compile(f, key, text);
    }

    private static List<Pattern> patterns(TomlFields f, String key) throws RuleFileException {
        List<String> texts = f.strings(key);
        if (texts == null) {
            return List.of();
        }
        List<Pattern> out = new ArrayList<>();
        for (String t : texts) {
            out.add(compile(f, key, t));
        }
        return out;
    }

    static Pattern compile(TomlFields f, String key, String text) throws RuleFileException {
        try {
            return Pattern.compile(text);
        } catch (PatternSyntaxException e) {
            throw f.error("bad " + key + " /" + text + "/: " + oneLine(e.getDescription()));
        }
    }

    /** The [allowlist] table (gitleaks' deprecated form) or the [[allowlists]] array, never both. */
    private static List<Allowlist> allowlists(String file, TomlFields f, String ruleId, String prefix, boolean global)
            throws RuleFileException {
        if (f.has("allowlist") && f.has("allowlists")) {
            throw f.error("[" + prefix + "allowlist] is deprecated, it cannot be used alongside [[" + prefix + "allowlists]]");
        }
        List<Allowlist> allowlists = new ArrayList<>();
        for (JsonNode a : f.tables("allowlist")) {
            allowlists.add(allowlist(file, ruleId, prefix + "allowlist", a, global));
        }
        for (JsonNode a : f.tables("allowlists")) {
            allowlists.add(allowlist(file, ruleId, prefix + "allowlists", a, global));
        }
        return allowlists;
    }

    static String oneLine(String s) {
        if (s == null) {
            return "unknown error";
        }
        return s.replaceAll("\\s*\\R\\s*", " ").trim();
    }
}
