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

    /**
     * One value shape of one credential part; {@code distinctive} shapes name the provider alone.
     * Every value the regex matches whole has a length within [minLength, maxLength].
     */
    public record Shape(String part, Pattern regex, boolean distinctive, String check, int minLength, int maxLength) {
        /** A shape whose length bounds are read from its regex ({@link #lengthBounds}). */
        public static Shape of(String part, Pattern regex, boolean distinctive, String check) {
            int[] bounds = lengthBounds(regex.pattern());
            return new Shape(part, regex, distinctive, check, bounds[0], bounds[1]);
        }

        public boolean fits(String value) {
            // Every value of a match is asked against every provider's shapes, and most shapes
            // have one length or a few: RE2/J is asked only of a value that has one of them.
            return value.length() >= minLength && value.length() <= maxLength
                    && regex.matches(value) && Plausibility.passes(check, value);
        }
    }

    private static final int[] ANY_LENGTH = {0, Integer.MAX_VALUE};
    private static final java.util.regex.Pattern REPEAT = java.util.regex.Pattern.compile("\\{(\\d{1,4})(?:,(\\d{1,4}))?}");

    /**
     * The lengths (in chars) of the strings a regex matches whole, when it is a sequence of
     * one-char atoms (an ASCII literal, or a class of ASCII chars with no escape and no negation),
     * each repeated once, optionally ({@code ?}) or {@code {n}} / {@code {n,m}} times: each such
     * atom matches one char, so a match has between the atoms' least and most repeats. Any other
     * regex: {0, Integer.MAX_VALUE}.
     */
    static int[] lengthBounds(String regex) {
        long min = 0;
        long max = 0;
        int i = 0;
        while (i < regex.length()) {
            char c = regex.charAt(i);
            if (c == '[') {
                int close = regex.indexOf(']', i + 1);
                if (close <= i + 1) {
                    return ANY_LENGTH;
                }
                for (int j = i + 1; j < close; j++) {
                    char m = regex.charAt(j);
                    if (m >= 128 || m == '\\' || m == '[' || (j == i + 1 && m == '^')) {
                        return ANY_LENGTH;
                    }
                }
                i = close + 1;
            } else if (c < 128 && "\\.[](){}?*+|^$".indexOf(c) < 0) {
                i++;
            } else {
                return ANY_LENGTH;
            }
            int lo = 1;
            int hi = 1;
            boolean repeated = i < regex.length() && (regex.charAt(i) == '?' || regex.charAt(i) == '{');
            if (i < regex.length() && regex.charAt(i) == '?') {
                lo = 0;
                i++;
            } else if (i < regex.length() && regex.charAt(i) == '{') {
                java.util.regex.Matcher repeat = REPEAT.matcher(regex).region(i, regex.length());
                if (!repeat.lookingAt()) {
                    return ANY_LENGTH;
                }
                lo = Integer.parseInt(repeat.group(1));
                hi = repeat.group(2) == null ? lo : Integer.parseInt(repeat.group(2));
                i = repeat.end();
            } else if (i < regex.length() && (regex.charAt(i) == '*' || regex.charAt(i) == '+')) {
                return ANY_LENGTH;
            }
            if (repeated && i < regex.length() && regex.charAt(i) == '?') {
                i++; // lazy: the same lengths
            }
            min += lo;
            max += hi;
        }
        return new int[] {(int) Math.min(min, Integer.MAX_VALUE), (int) Math.min(max, Integer.MAX_VALUE)};
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
                shapes.add(Shape.of(s.path("part").asText(), Pattern.compile(s.path("regex").asText()),
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
