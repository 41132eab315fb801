package dev.keyhound.detect;

import com.google.re2j.Pattern;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Literals of which every match of a regex holds at least one (most often a single one), so that
 * a plain {@code contains} can say "no match" before RE2/J runs. RE2/J skips ahead with indexOf
 * only for a literal the match starts with; a regex such as {@code (?:^|/)node_modules/} gets no
 * such help, and neither does the per-call cost of a matcher on thousands of short strings
 * (paths, brackets' openers).
 *
 * <p>Conservative: literals count only outside classes and quantified atoms; a group is read
 * through, or, when it has alternatives, stands for the literals one of them must hold. A
 * case-insensitive flag or an escape this does not read means none.
 */
public final class RequiredLiteral {
    private static final ConcurrentHashMap<String, Optional<Requirement>> KNOWN = new ConcurrentHashMap<>();

    /**
     * The literals every match holds one of; in lower case when a flag makes some of the regex
     * case-insensitive, and then they are looked for in lower-cased ASCII text only.
     */
    private record Requirement(List<String> literals, boolean ignoringCase) {
    }

    private RequiredLiteral() {
    }

    /** False only when the pattern cannot find a match in text. */
    public static boolean mayFind(Pattern pattern, String text) {
        Requirement required = requirement(pattern);
        if (required == null) {
            return true;
        }
        String searched = text;
        if (required.ignoringCase()) {
            if (!isAscii(text)) {
                return true; // RE2's (?i) folds some other chars into ASCII letters (the Kelvin sign, the long s)
            }
            searched = text.toLowerCase(java.util.Locale.ROOT);
        }
        for (String l : required.literals()) {
            if (searched.contains(l)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 128) {
                return false;
            }
        }
        return true;
    }

    /**
     * False only when none of the patterns can find a match in any part of text with suffix
     * appended (a bracket's opener is cut from a document and read as a call): one search of the
     * whole text instead of one per part.
     */
    public static boolean mayFindInPartWith(List<Pattern> patterns, String text, String suffix) {
        java.util.Set<String> all = new java.util.LinkedHashSet<>(); // patterns often share theirs
        for (Pattern p : patterns) {
            Requirement required = requirement(p);
            if (required == null || required.ignoringCase()) {
                return true;
            }
            all.addAll(required.literals());
        }
        for (String l : all) {
            if (text.contains(l) || suffix.contains(l)) {
                return true;
            }
            // a literal across the join: its head ends the part, its tail begins the suffix
            for (int tail = 1; tail < l.length() && tail <= suffix.length(); tail++) {
                if (suffix.startsWith(l.substring(l.length() - tail)) && text.contains(l.substring(0, l.length() - tail))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** What every match holds, or null when unknown (then anything may match). */
    private static Requirement requirement(Pattern pattern) {
        if (pattern.flags() != 0) {
            return null;
        }
        return KNOWN.computeIfAbsent(pattern.pattern(), r -> {
            List<String> found = asWritten(r);
            if (found == null) {
                return Optional.<Requirement>empty();
            }
            // Under a case flag, a literal read as it is written is one the regex holds in some case or other.
            boolean ignoringCase = caseInsensitive(r);
            return Optional.of(new Requirement(ignoringCase
                    ? found.stream().map(l -> l.toLowerCase(java.util.Locale.ROOT)).distinct().toList() : found, ignoringCase));
        }).orElse(null);
    }

    /** The longest literal (2+ chars) every match of the regex holds, or null. */
    static String of(String regex) {
        List<String> any = anyOf(regex);
        return any != null && any.size() == 1 ? any.get(0) : null;
    }

    /**
     * Literals (2+ chars each) of which every match holds one: the requirement whose shortest
     * literal is longest (then the one with fewer literals); null when there is none.
     */
    static List<String> anyOf(String regex) {
        return caseInsensitive(regex) ? null : asWritten(regex);
    }

    /** {@link #anyOf}'s literals read as they are written, whatever case flag the regex has. */
    private static List<String> asWritten(String regex) {
        List<String> found = requirement(regex, 0, regex.length());
        return found != null && shortest(found) >= 2 ? found : null;
    }

    /** The requirement of regex[from, to); null when it has none or is not read. */
    private static List<String> requirement(String regex, int from, int to) {
        List<int[]> alternatives = alternatives(regex, from, to);
        if (alternatives == null) {
            return null;
        }
        if (alternatives.size() == 1) {
            Runs runs = new Runs();
            if (!read(regex, from, to, runs)) {
                return null;
            }
            runs.end();
            return runs.best;
        }
        List<String> union = new ArrayList<>();
        for (int[] a : alternatives) {
            List<String> one = requirement(regex, a[0], a[1]);
            if (one == null) {
                return null; // an alternative that needs nothing: the whole needs nothing
            }
            for (String l : one) {
                if (!union.contains(l)) {
                    union.add(l);
                }
            }
        }
        return union;
    }

    /** The [from, to) ranges of regex[from, to)'s top-level alternatives; null when not read. */
    private static List<int[]> alternatives(String regex, int from, int to) {
        List<int[]> out = new ArrayList<>();
        int start = from;
        int i = from;
        while (i < to) {
            char c = regex.charAt(i);
            if (c == '\\') {
                i += 2;
            } else if (c == '[') {
                i = classEnd(regex, i);
                if (i < 0) {
                    return null;
                }
            } else if (c == '(') {
                i = groupEnd(regex, i);
                if (i < 0) {
                    return null;
                }
            } else if (c == '|') {
                out.add(new int[] {start, i});
                start = ++i;
            } else {
                i++;
            }
        }
        out.add(new int[] {start, to});
        return out;
    }

    private static int shortest(List<String> literals) {
        return literals.stream().mapToInt(String::length).min().orElse(0);
    }

    /** Literal runs read so far: the best requirement ended and the literal being read. */
    private static final class Runs {
        List<String> best;
        final StringBuilder run = new StringBuilder();

        void end() {
            if (run.length() > 0) {
                offer(List.of(run.toString()));
            }
            run.setLength(0);
        }

        void offer(List<String> requirement) {
            if (best == null || shortest(requirement) > shortest(best)
                    || shortest(requirement) == shortest(best) && requirement.size() < best.size()) {
                best = requirement;
            }
        }
    }

    /**
     * Reads the concatenation regex[from, to) into runs; false when it has an alternative at its
     * top or a construct this does not read. A group that is not quantified is read through when
     * it has no alternatives, and offers what one of its alternatives must hold when it has; any
     * other atom ends the run.
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
                List<int[]> alternatives = alternatives(regex, inner, atomEnd - 1);
                if (alternatives != null && alternatives.size() == 1) {
                    // Read through; a group this cannot read undoes what it added.
                    int mark = runs.run.length();
                    List<String> best = runs.best;
                    if (!read(regex, inner, atomEnd - 1, runs)) {
                        runs.run.setLength(mark);
                        runs.best = best;
                        runs.end();
                    }
                } else {
                    runs.end();
                    List<String> one = alternatives == null ? null : requirement(regex, inner, atomEnd - 1);
                    if (one != null) {
                        runs.offer(one);
                    }
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
    static int repeatEnd(String regex, int i) {
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
    static int classEnd(String regex, int i) {
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
