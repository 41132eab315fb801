package dev.keyhound.detect;

import java.util.List;

/**
 * Which char may follow the name run of a lazy-run rule ({@link Engine#RUN_START}): a regex such as
 * {@code (?i)[\w.-]*?binance[\w.-]{0,30}?(?:["']?[ \t]*(?:=|:=|=>|:)...)} names a value with run
 * chars only and then needs an assignment operator, whose first char is no run char. So a match
 * from a run's start can only go on at the run's end, and only if the char there may start the
 * operator: on hummingbot most keyword runs ({@code get_key(}, {@code token,}) end in another char,
 * and each was a Hyperscan call.
 *
 * <p>Derived only when sure: the regex text after the run prefix must be run-only atoms (literals,
 * escapes and classes of run chars, groups, alternations inside them, quantifiers) up to one of the
 * operator spellings below; anything else gives null (no shortcut).
 */
final class RunFollow {
    /** Operator groups the rules spell, each with the chars its matches can start with. */
    private record Operator(String spelling, String firstChars) {
    }

    private static final List<Operator> OPERATORS = List.of(
            new Operator("(?:[\"']?[ \\t]*(?:=|:=|=>|:)[ \\t]*[\"'`]?|[\"'][ \\t]*,[ \\t]*[\"'`])", "\"' \t=:"),
            new Operator("(?:[\"']?[ \\t]*(?:=|:=|=>|:)[ \\t]*(?:[rbf]?[\"'`])?|[\"'][ \\t]*,[ \\t]*[rbf]?[\"'`])", "\"' \t=:"));

    private RunFollow() {
    }

    /**
     * The ASCII chars that may follow the run in a match, or null when the regex does not have the
     * shape this can prove it for.
     *
     * @param regex     the rule's regex
     * @param runEnd    where the run prefix (up to and with {@code [RUN]*?}) ends in the regex
     * @param run       the run's chars
     */
    static boolean[] of(String regex, int runEnd, boolean[] run) {
        int depth = 0;
        int p = runEnd;
        while (p < regex.length()) {
            for (Operator op : OPERATORS) {
                if (regex.startsWith(op.spelling(), p)) {
                    int after = p + op.spelling().length();
                    // Inside a group of the name (one alternative of several) or made optional, the
                    // operator need not come: no shortcut then.
                    boolean optional = after < regex.length() && "?*{".indexOf(regex.charAt(after)) >= 0;
                    return depth > 0 || optional ? null : follow(op.firstChars(), run);
                }
            }
            char c = regex.charAt(p);
            if (c == '(') {
                if (regex.startsWith("(?:", p)) {
                    p += 3;
                } else if (regex.startsWith("(?", p)) {
                    return null; // flags or a named group: not read here
                } else {
                    p++;
                }
                depth++;
            } else if (c == ')') {
                depth--;
                p++;
                if (depth < 0 && p < regex.length() && "?*{".indexOf(regex.charAt(p)) >= 0) {
                    return null; // the run prefix's own group made optional or repeated
                }
            } else if (c == '|') {
                if (depth <= 0) {
                    return null; // an alternative to the whole name: it need not end in the operator
                }
                p++;
            } else if (c == '*' || c == '+' || c == '?') {
                p++;
            } else if (c == '{') {
                int end = RequiredLiteral.repeatEnd(regex, p);
                if (end < 0) {
                    return null; // a literal brace
                }
                p = end;
            } else if (c == '[') {
                int end = RequiredLiteral.classEnd(regex, p);
                if (end < 0 || regex.charAt(p + 1) == '^' || !within(Engine.charClass(regex.substring(p + 1, end - 1)), run)) {
                    return null;
                }
                p = end;
            } else if (c == '\\') {
                if (p + 1 >= regex.length()) {
                    return null;
                }
                char e = regex.charAt(p + 1);
                boolean[] chars = e == 'w' || e == 'd' || !Character.isLetterOrDigit(e) ? Engine.charClass("\\" + e) : null;
                if (chars == null || !within(chars, run)) {
                    return null;
                }
                p += 2;
            } else if (c == '.' || c == '^' || c == '$') {
                return null; // any char, or an anchor
            } else {
                if (c >= 128 || !run[c] || !run[Character.toUpperCase(c)] || !run[Character.toLowerCase(c)]) {
                    return null; // under (?i) a letter stands for both cases
                }
                p++;
            }
        }
        return null;
    }

    /** The chars, if none of them is a run char (else the match could go on inside the run). */
    private static boolean[] follow(String firstChars, boolean[] run) {
        boolean[] f = new boolean[128];
        for (char c : firstChars.toCharArray()) {
            if (run[c]) {
                return null;
            }
            f[c] = true;
        }
        return f;
    }

    private static boolean within(boolean[] chars, boolean[] run) {
        for (int c = 0; c < 128; c++) {
            if (chars[c] && !run[c]) {
                return false;
            }
        }
        return true;
    }
}
