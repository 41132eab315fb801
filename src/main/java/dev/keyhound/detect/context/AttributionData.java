package dev.keyhound.detect.context;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import com.google.re2j.Pattern;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The data attribution reads (resource {@code keyhound/attribution.toml}): provider aliases and
 * per-part value shapes, the words that name a credential part, sibling field names, library
 * constructors and imports, harmless contexts and testnet markers. Code never names a provider;
 * this table does.
 */
public record AttributionData(Map<String, ProviderShapes> providers, Map<String, String> aliasToProvider,
                              List<String> partOrder, Map<String, List<String>> partWords, List<String> nameFields,
                              List<Pattern> constructors, List<Pattern> imports, List<String> harmlessWords,
                              Pattern harmlessBefore, Pattern harmlessValues, Pattern harmlessPaths, int maxLineLength,
                              Pattern testnet, List<String> testnetWords, Pattern placeholderValues,
                              Pattern notRealComments) {

    public static final String RESOURCE = "/keyhound/attribution.toml";
    private static volatile AttributionData builtIn;

    /** One value shape of one credential part; {@code distinctive} shapes name the provider alone. */
    public record Shape(String part, Pattern regex, boolean distinctive, String check) {
        public boolean fits(String value) {
            return regex.matches(value) && Plausibility.passes(check, value);
        }
    }

    public record ProviderShapes(String id, List<String> aliases, List<Shape> shapes) {
        /** True when the value fits a shape of this part (any part when part is null). */
        public boolean fits(String part, String value) {
            for (Shape s : shapes) {
                if ((part == null || s.part().equals(part)) && s.fits(value)) {
                    return true;
                }
            }
            return false;
        }

        public boolean hasPart(String part) {
            return shapes.stream().anyMatch(s -> s.part().equals(part));
        }
    }

    // Locked, as RuleSet.builtIn is: a scan arriving while the CLI's warm-up thread loads waits
    // for that load instead of parsing the file a second time.
    public static synchronized AttributionData builtIn() {
        AttributionData d = builtIn;
        if (d == null) {
            try (InputStream in = AttributionData.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("missing resource " + RESOURCE);
                }
                d = parse(new TomlMapper().readTree(in));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + RESOURCE, e);
            }
            builtIn = d;
        }
        return d;
    }

    static AttributionData parse(JsonNode root) {
        Map<String, ProviderShapes> providers = new LinkedHashMap<>();
        Map<String, String> aliases = new HashMap<>();
        for (JsonNode p : root.path("providers")) {
            String id = p.path("id").asText();
            List<String> names = strings(p.path("aliases"));
            List<Shape> shapes = new ArrayList<>();
            for (JsonNode s : p.path("shapes")) {
                shapes.add(new Shape(s.path("part").asText(), Pattern.compile(s.path("regex").asText()),
                        s.path("distinctive").asBoolean(false), s.hasNonNull("check") ? s.path("check").asText() : null));
            }
            providers.put(id, new ProviderShapes(id, names, List.copyOf(shapes)));
            for (String a : names) {
                aliases.put(a, id);
            }
        }
        JsonNode parts = root.path("parts");
        List<String> order = strings(parts.path("order"));
        Map<String, List<String>> words = new LinkedHashMap<>();
        for (String part : order) {
            words.put(part, strings(parts.path(part)));
        }
        JsonNode c = root.path("context");
        return new AttributionData(providers, aliases, order, words, strings(c.path("nameFields")),
                patterns(c.path("constructors")), patterns(c.path("imports")), strings(c.path("harmlessWords")),
                anyOf(c.path("harmlessBefore")), anyOf(c.path("harmlessValues")), anyOf(c.path("harmlessPaths")), c.path("maxLineLength").asInt(1000),
                anyOf(c.path("testnet")), strings(c.path("testnetWords")), anyOf(c.path("placeholderValues")),
                anyOf(c.path("notRealComments")));
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return List.copyOf(out);
    }

    /**
     * One pattern that finds a match wherever one of the list's would: a single pass over the text
     * instead of one per pattern (each alternative keeps its own flags and anchors in its group).
     * An empty list matches nothing.
     */
    private static Pattern anyOf(JsonNode array) {
        List<String> alternatives = new ArrayList<>();
        array.forEach(n -> alternatives.add("(?:" + n.asText() + ")"));
        return Pattern.compile(alternatives.isEmpty() ? "[^\\x00-\\x{10FFFF}]" : String.join("|", alternatives));
    }

    private static List<Pattern> patterns(JsonNode array) {
        List<Pattern> out = new ArrayList<>();
        array.forEach(n -> out.add(Pattern.compile(n.asText())));
        return List.copyOf(out);
    }
}
