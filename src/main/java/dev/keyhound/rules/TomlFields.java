package dev.keyhound.rules;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The keys of one TOML table, taken one by one, so that whatever is left at the end is an unknown
 * key. Keys match case-insensitively, as gitleaks (viper) reads them.
 */
final class TomlFields {
    private final String file;
    private final String ruleId;
    private final String table;
    private final Map<String, Map.Entry<String, JsonNode>> byLowerKey = new LinkedHashMap<>();

    TomlFields(String file, String ruleId, String table, JsonNode node) throws RuleFileException {
        this.file = file;
        this.ruleId = ruleId;
        this.table = table;
        if (node == null || !node.isObject()) {
            throw error("[" + table + "] must be a table");
        }
        Iterator<Map.Entry<String, JsonNode>> it = node.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            byLowerKey.put(e.getKey().toLowerCase(Locale.ROOT), e);
        }
    }

    RuleFileException error(String reason) {
        return new RuleFileException(file, ruleId, reason);
    }

    boolean has(String key) {
        return byLowerKey.containsKey(key.toLowerCase(Locale.ROOT));
    }

    JsonNode take(String key) {
        Map.Entry<String, JsonNode> e = byLowerKey.remove(key.toLowerCase(Locale.ROOT));
        return e == null ? null : e.getValue();
    }

    String string(String key) throws RuleFileException {
        return scalar(key, JsonNode::isTextual, JsonNode::textValue, "a string");
    }

    Integer integer(String key) throws RuleFileException {
        return scalar(key, JsonNode::isIntegralNumber, JsonNode::intValue, "an integer");
    }

    Double number(String key) throws RuleFileException {
        return scalar(key, JsonNode::isNumber, JsonNode::doubleValue, "a number");
    }

    Boolean bool(String key) throws RuleFileException {
        return scalar(key, JsonNode::isBoolean, JsonNode::booleanValue, "true or false");
    }

    /** The value at key when it is of the kind; null when the key is absent. */
    private <T> T scalar(String key, java.util.function.Predicate<JsonNode> kind,
                         java.util.function.Function<JsonNode, T> value, String what) throws RuleFileException {
        JsonNode n = take(key);
        if (n == null) {
            return null;
        }
        if (!kind.test(n)) {
            throw error("'" + key + "' must be " + what);
        }
        return value.apply(n);
    }

    /** A list of strings; null when the key is absent. */
    List<String> strings(String key) throws RuleFileException {
        JsonNode n = take(key);
        if (n == null) {
            return null;
        }
        if (!n.isArray()) {
            throw error("'" + key + "' must be a list of strings");
        }
        List<String> out = new ArrayList<>();
        for (JsonNode item : n) {
            if (!item.isTextual()) {
                throw error("'" + key + "' must be a list of strings");
            }
            out.add(item.textValue());
        }
        return out;
    }

    /** Sub-tables: an array of tables, or a single table; empty when absent. */
    List<JsonNode> tables(String key) throws RuleFileException {
        JsonNode n = take(key);
        if (n == null) {
            return List.of();
        }
        if (n.isObject()) {
            return List.of(n);
        }
        if (!n.isArray()) {
            throw error("'" + key + "' must be a table or an array of tables");
        }
        List<JsonNode> out = new ArrayList<>();
        n.forEach(out::add);
        return out;
    }

    void rejectUnknown() throws RuleFileException {
        if (!byLowerKey.isEmpty()) {
            String key = byLowerKey.values().iterator().next().getKey();
            throw error("unknown key '" + key + "' in [" + table + "]");
        }
    }
}
