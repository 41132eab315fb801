package dev.keyhound.detect;

import com.google.re2j.Pattern;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The longest literal that every match of a regex contains, so that a plain {@code contains}
 * can say "no match" before RE2/J runs. RE2/J skips ahead with indexOf only for a literal the
 * match starts with; a regex such as {@code (?:^|/)node_modules/} gets no such help, and neither
 * does the per-call cost of a matcher on thousands of short strings (paths, brackets' openers).
 *
 * <p>Conservative: only literals outside any group, class or quantified atom count, and a regex
 * with an alternation outside groups, a case-insensitive flag or an escape it does not know has
 * none.
 */
public final class RequiredLiteral {
    private static final ConcurrentHashMap<String, Optional<String>> KNOWN = new ConcurrentHashMap<>();

    private RequiredLiteral() {
    }

    /** False only when the pattern cannot find a match in text. */
    public static boolean mayFind(Pattern pattern, String text) {
        if (pattern.flags() != 0) {
            return true;
        }
        String literal = KNOWN.computeIfAbsent(pattern.pattern(), r -> Optional.ofNullable(of(r))).orElse(null);
        return literal == null || text.contains(literal);
    }

    /** The longest literal (2+ chars) every match of the regex holds, or null. */
    static String of(String regex) {
        if (caseInsensitive(regex)) {
            return null;
        }
        Runs runs = new Runs();
        if (!read(regex, 0, regex.length(), runs)) {
            return null;
        }
        runs.end();
        return runs.best != null && runs.best.length() >= 2 ? runs.best : null;
    }

    /** Literal runs read so far: the longest ended one and the one being read. */
    private static final class Runs {
        String best;
        final StringBuilder run = new StringBuilder();

        void end() {
            if (best == null || run.length() > best.length()) {
                best = run.toString();
            }
            run.setLength(0);
        }
    }

    /**
     * Reads the concatenation regex[from, to) into runs; false when it has an alternative at its
     * top or a construct this does not read. A group that is not quantified and has no alternative
     * at its top is read through (its text is part of every match); any other atom ends the run.
     */
    private static boolean read(String regex, int from, int to, Runs runs) {
        int i = from;
        while (i < to) {
            char c = regex.charAt(i);
            int atomEnd; // index after the atom starting at i
            boolean literal = false;
            char value = c;
            int inner = -1; // a group's content start, when it may be read through
            switch (c) {
                case '\\' -> {
                    if (i + 1 >= to) {
                        return false;
                    }
                    char e = regex.charAt(i + 1);
                    if (Character.isLetterOrDigit(e)) {
                        if ("QxpPkNoCu0123456789".indexOf(e) >= 0) {
                            return false; // escapes with arguments: not worth reading
                        }
                        atomEnd = i + 2; // a class (\d \w \s) or an assertion (\b \A \z)
                    } else {
                        literal = true;
                        value = e;
                        atomEnd = i + 2;
                    }
                }
                case '[' -> {
                    atomEnd = classEnd(regex, i);
                    if (atomEnd < 0) {
                        return false;
                    }
                }
                case '(' -> {
                    atomEnd = groupEnd(regex, i);
                    if (atomEnd < 0) {
                        return false;
                    }
                    if (regex.startsWith("(?:", i)) {
                        inner = i + 3;
                    } else if (!regex.startsWith("(?", i)) {
                        inner = i + 1;
                    }
                }
                case '|', ')', '*', '+', '?' -> {
                    return false; // an alternative here, or a regex this does not read
                }
                case '.', '^', '$' -> atomEnd = i + 1;
                default -> {
                    literal = true;
                    atomEnd = i + 1;
                }
            }
            int quantifierEnd = quantifierEnd(regex, atomEnd);
            boolean once = quantifierEnd == atomEnd;
            if (literal && once) {
                runs.run.append(value);
            } else if (inner >= 0 && once) {
                // Read through; a group with alternatives undoes what its first one added.
                int mark = runs.run.length();
                String best = runs.best;
                if (!read(regex, inner, atomEnd - 1, runs)) {
                    runs.run.setLength(mark);
                    runs.best = best;
                    runs.end();
                }
            } else {
                runs.end();
            }
            i = quantifierEnd;
        }
        return true;
    }

    /** Whether a flag group turns on i anywhere ((?i), (?si), (?i:...)). */
    private static boolean caseInsensitive(String regex) {
        for (int at = regex.indexOf("(?"); at >= 0; at = regex.indexOf("(?", at + 2)) {
            for (int j = at + 2; j < regex.length() && Character.isLetter(regex.charAt(j)); j++) {
                if (regex.charAt(j) == 'i') {
                    return true;
                }
            }
        }
        return false;
    }

    /** Index after the quantifiers (and lazy marks) at from; from when there are none. */
    private static int quantifierEnd(String regex, int from) {
        int i = from;
        while (i < regex.length()) {
            char c = regex.charAt(i);
            if (c == '*' || c == '+' || c == '?') {
                i++;
            } else if (c == '{' && repeatEnd(regex, i) > 0) {
                i = repeatEnd(regex, i);
            } else {
                break;
            }
        }
        return i;
    }

    /** Index after a {n}, {n,} or {n,m} repeat at i; -1 when the brace is a literal. */
    private static int repeatEnd(String regex, int i) {
        int j = i + 1;
        int digits = 0;
        while (j < regex.length() && Character.isDigit(regex.charAt(j))) {
            j++;
            digits++;
        }
        if (digits == 0) {
            return -1;
        }
        if (j < regex.length() && regex.charAt(j) == ',') {
            j++;
            while (j < regex.length() && Character.isDigit(regex.charAt(j))) {
                j++;
            }
        }
        return j < regex.length() && regex.charAt(j) == '}' ? j + 1 : -1;
    }

    /** Index after the class opened at i, or -1. */
    private static int classEnd(String regex, int i) {
        int j = i + 1;
        if (j < regex.length() && regex.charAt(j) == '^') {
            j++;
        }
        if (j < regex.length() && regex.charAt(j) == ']') {
            j++; // a leading ] is a member
        }
        while (j < regex.length()) {
            char c = regex.charAt(j);
            if (c == '\\') {
                j += 2;
            } else if (c == '[' && regex.startsWith("[:", j)) {
                int close = regex.indexOf(":]", j + 2);
                if (close < 0) {
                    return -1;
                }
                j = close + 2;
            } else if (c == ']') {
                return j + 1;
            } else {
                j++;
            }
        }
        return -1;
    }

    /** Index after the group opened at i, or -1. */
    private static int groupEnd(String regex, int i) {
        int depth = 0;
        int j = i;
        while (j < regex.length()) {
            char c = regex.charAt(j);
            if (c == '\\') {
                j += 2;
                continue;
            }
            if (c == '[') {
                j = classEnd(regex, j);
                if (j < 0) {
                    return -1;
                }
                continue;
            }
            if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return j + 1;
            }
            j++;
        }
        return -1;
    }
}
