package dev.keyhound.rules;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.function.BiFunction;
import java.util.regex.Matcher;

/**
 * An expanded rule example and where its secret is, for {@link RuleCheck}.
 *
 * <p>The secret placeholder is the one named {@code #s} ({@code {{alnum:40#s}}}); without one,
 * the placeholder with the longest expansion (the first of equals). A finding satisfies the
 * example when its secret contains that placeholder's value and lies within the value's token:
 * the value extended on both sides by the example's own characters up to a quote, a backtick or
 * one of {@code = , ; ( ) [ ] { } < >} (whitespace and line breaks do not stop it, so a PEM block
 * or a seed phrase can be one secret). So for {@code token = "ghp_{{alnum:36}}"} the secret must
 * be the 36 characters, or {@code ghp_} with them.
 *
 * @param text        the expanded example
 * @param value       the secret placeholder's value
 * @param tokenStart  start of the token holding the value
 * @param tokenEnd    end of that token
 */
public record ExampleExpansion(String text, String value, int tokenStart, int tokenEnd) {
    /** Whitespace is not a delimiter: PEM blocks and seed phrases are secrets that span it. */
    private static final String DELIMITERS = "\"'`=,;()[]{}<>";

    public static ExampleExpansion expand(String template, Random random) {
        Map<String, String> named = new HashMap<>();
        Matcher m = ExampleTemplate.PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        int bestStart = -1;
        int bestEnd = -1;
        boolean bestIsS = false;
        while (m.find()) {
            String kind = m.group(1);
            String arg = m.group(2);
            String name = m.group(3);
            BiFunction<String, Random, String> gen = ExampleTemplate.GENERATORS.get(kind);
            if (gen == null) {
                throw new IllegalArgumentException("unknown example placeholder kind '" + kind + "' in " + template);
            }
            String value = name == null ? gen.apply(arg, random)
                    : named.computeIfAbsent(kind + ":" + arg + "#" + name, k -> gen.apply(arg, random));
            m.appendReplacement(out, Matcher.quoteReplacement(value));
            int end = out.length();
            int start = end - value.length();
            boolean isS = "s".equals(name);
            if (!bestIsS && (isS || end - start > bestEnd - bestStart)) {
                bestStart = start;
                bestEnd = end;
                bestIsS = isS;
            }
        }
        m.appendTail(out);
        String text = out.toString();
        if (bestStart < 0) {
            return new ExampleExpansion(text, null, -1, -1);
        }
        int ts = bestStart;
        while (ts > 0 && DELIMITERS.indexOf(text.charAt(ts - 1)) < 0) {
            ts--;
        }
        int te = bestEnd;
        while (te < text.length() && DELIMITERS.indexOf(text.charAt(te)) < 0) {
            te++;
        }
        return new ExampleExpansion(text, text.substring(bestStart, bestEnd), ts, te);
    }

    /** True when a finding's secret is this example's secret (see the class comment). */
    public boolean isSecret(String secret) {
        return value != null && secret.contains(value) && text.substring(tokenStart, tokenEnd).contains(secret);
    }
}
