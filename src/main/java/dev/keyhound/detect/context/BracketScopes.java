package dev.keyhound.detect.context;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import dev.keyhound.detect.RequiredLiteral;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;

/**
 * Source code and anything else: a scope per bracketed region ({...}, (...), [...]), found by a
 * lexer that skips strings and line comments; fields are name = "value" / "name": "value" pairs.
 */
final class BracketScopes {
    private static final Set<String> HASH_COMMENTS = Set.of("py", "rb", "sh", "bash", "zsh", "r", "pl", "yml", "yaml",
            "toml", "ini", "cfg", "conf", "env", "dockerfile", "tf", "mk", "");
    private static final Set<String> SLASH_COMMENTS = Set.of("js", "mjs", "cjs", "ts", "tsx", "jsx", "java", "go", "cs",
            "c", "h", "cpp", "hpp", "kt", "kts", "scala", "swift", "rs", "php", "dart", "groovy", "gradle", "json", "jsonc", "");
    /** The reference definition of {@link #fields}, which matches it without the NFA. */
    static final Pattern FIELD = Pattern.compile(
            "[\"']?([A-Za-z_$][\\w.$-]*)[\"']?\\]?\\s*(?:=|:=|=>|:|,)\\s*[rbfu]?[\"'`]([^\"'`\\n]*)[\"'`]");
    /** The reference definition of {@link #assignedName}, which matches it without the NFA. */
    static final Pattern ASSIGNED_NAME = Pattern.compile(
            "([A-Za-z_$][\\w.$-]*)[\"']?\\]?\\s*(?:=|:=|=>|:|,|\\?\\?|\\|\\||or)\\s*(?:[rbfu]?[\"'`])?\\s*$");
    /** The reference definition of openerName, which matches it without the NFA. */
    static final Pattern OPENER_NAME = Pattern.compile("([A-Za-z_$][\\w.$-]*)[\"']?\\s*(?:=|:=|=>|:)?\\s*(?:new\\s+)?[\\w.$]*\\s*$");

    /** The chars the lexer tests for (line breaks, quotes, escapes, comment starts, brackets); it passes over the rest. */
    private static final boolean[] LEXED = new boolean[256];

    static {
        for (char c : "\n\\\"'`#/{([})]".toCharArray()) {
            LEXED[c] = true;
        }
    }

    private BracketScopes() {
    }

    static ScopeIndex build(DocumentView view, String ext, List<Pattern> constructors) {
        String text = view.text;
        boolean hash = HASH_COMMENTS.contains(ext);
        boolean slash = SLASH_COMMENTS.contains(ext);
        List<Scope> scopes = new ArrayList<>();
        Scope root = new Scope(0, null, null, 1, view.lineCount());
        scopes.add(root);
        Deque<Scope> stack = new ArrayDeque<>();
        stack.push(root);
        Scope[] topAtStart = new Scope[view.lineCount() + 2];
        topAtStart[1] = root;
        int line = 1;
        int lineStart = 0;
        char quote = 0;
        // One pass over an array: String.charAt's checks cost more than the lexing itself.
        byte[] chars = view.lexable();
        int length = chars.length;
        for (int i = 0; i < length; i++) {
            if (!LEXED[chars[i] & 0xff]) {
                continue; // a char that none of the branches below tests, in or out of a string
            }
            char c = (char) (chars[i] & 0xff);
            if (c == '\n') {
                line++;
                lineStart = i + 1;
                if (line < topAtStart.length) {
                    topAtStart[line] = stack.peek();
                }
                if (quote != '`') {
                    quote = 0;
                }
                continue;
            }
            if (quote != 0) {
                if (c == '\\') {
                    i++;
                } else if (c == quote) {
                    quote = 0;
                }
                continue;
            }
            if (c == '"' || c == '\'' || c == '`') {
                quote = c;
            } else if ((hash && c == '#') || (slash && c == '/' && i + 1 < length && chars[i + 1] == '/')) {
                while (i + 1 < length && chars[i + 1] != '\n') {
                    i++;
                }
            } else if (c == '{' || c == '(' || c == '[') {
                Scope s = Scope.bracket(scopes.size(), stack.peek(), line, view.lineCount(), text, Math.max(lineStart, i - 120), i);
                scopes.add(s);
                stack.push(s);
            } else if ((c == '}' || c == ')' || c == ']') && stack.size() > 1) {
                stack.pop().endLine = line;
            }
        }
        // A call or literal opened and closed on one line is not a block of its own (os.getenv("X", "v"))
        // unless it is a library constructor, which names the provider of what it holds.
        // Where no constructor can be written, none is looked for bracket by bracket.
        boolean mayConstruct = RequiredLiteral.mayFindInPartWith(constructors, text, CALL);
        scopes.removeIf(s -> s.parent != null && s.span() == 0 && !(mayConstruct && isConstructor(s.opener(), constructors)));
        // A field belongs to the innermost scope around its line: the one open when the line starts,
        // or one opened on the line itself (one-line constructors). Linear in the size of the text.
        java.util.Map<Integer, List<Scope>> openedOn = new java.util.HashMap<>();
        for (Scope s : scopes) {
            openedOn.computeIfAbsent(s.startLine, k -> new ArrayList<>()).add(s);
        }
        for (int n = 1; n <= view.lineCount(); n++) {
            if (!mayHoldField(chars, view.lineStart(n), view.lineEnd(n))) {
                continue;
            }
            List<String[]> found = fields(view.line(n));
            if (!found.isEmpty()) {
                Scope owner = innermostAt(topAtStart[n] == null ? root : topAtStart[n], openedOn.getOrDefault(n, List.of()), n);
                for (String[] f : found) {
                    owner.add(new Scope.Field(f[0], f[1], n));
                }
            }
        }
        return new ScopeIndex(scopes);
    }

    /**
     * FIELD's matches in a line, in order, as {name, value} (its groups 1 and 2), computed without
     * the NFA: on big source files, FIELD cost more than every rule together. Linear: where a
     * name's rest does not fit, no start inside that name can either.
     */
    static List<String[]> fields(String line) {
        List<String[]> out = List.of();
        int p = 0;
        int n = line.length();
        while (p < n) {
            int i = p;
            if (line.charAt(i) == '"' || line.charAt(i) == '\'') {
                i++;
            }
            if (i >= n || !nameStart(line.charAt(i))) {
                p++;
                continue;
            }
            int nameStart = i;
            i++;
            while (i < n && namePart(line.charAt(i))) {
                i++;
            }
            int nameEnd = i;
            if (i < n && (line.charAt(i) == '"' || line.charAt(i) == '\'')) {
                i++;
            }
            if (i < n && line.charAt(i) == ']') {
                i++;
            }
            i = skipSpaces(line, i);
            int end = -1;
            int valueStart = -1;
            for (String op : FIELD_OPERATORS) {
                if (line.startsWith(op, i)) {
                    int j = skipSpaces(line, i + op.length());
                    if (j + 1 < n && "rbfu".indexOf(line.charAt(j)) >= 0 && fieldQuote(line.charAt(j + 1))) {
                        j++;
                    }
                    if (j < n && fieldQuote(line.charAt(j))) {
                        int v = j + 1;
                        while (v < n && !fieldQuote(line.charAt(v)) && line.charAt(v) != '\n') {
                            v++;
                        }
                        if (v < n && fieldQuote(line.charAt(v))) {
                            valueStart = j + 1;
                            end = v;
                            break;
                        }
                    }
                }
            }
            if (end < 0) {
                p = Math.max(p + 1, nameEnd);
                continue;
            }
            if (out.isEmpty()) {
                out = new ArrayList<>(2);
            }
            out.add(new String[] {line.substring(nameStart, nameEnd), line.substring(valueStart, end)});
            p = end + 1;
        }
        return out;
    }

    /** FIELD's operators, in its order: the first that leads to a whole match is the one taken. */
    private static final String[] FIELD_OPERATORS = {"=", ":=", "=>", ":", ","};

    private static boolean fieldQuote(char c) {
        return c == '"' || c == '\'' || c == '`';
    }

    /**
     * OPENER_NAME's group 1 in before (null when it does not match), computed without the NFA,
     * which cost more than all the rules together on big files full of calls: the leftmost start,
     * then the longest name after which the rest of the pattern reaches the end.
     */
    static String openerName(String before) {
        int from = before.length();
        while (from > 0 && openerChar(before.charAt(from - 1))) {
            from--; // a match ends the text and holds only these characters
        }
        for (int p = from; p < before.length(); p++) {
            if (!nameStart(before.charAt(p))) {
                continue;
            }
            int end = p + 1;
            while (end < before.length() && namePart(before.charAt(end))) {
                end++;
            }
            for (int e = end; e > p; e--) {
                if (openerRest(before, e)) {
                    return before.substring(p, e);
                }
            }
        }
        return null;
    }

    /**
     * ASSIGNED_NAME's group 1 in before (null when it does not match), computed without the NFA:
     * RE2/J read the text before every candidate value at about 2 MB/s. The leftmost start, then
     * the longest name after which the rest of the pattern reaches the end.
     */
    static String assignedName(String before) {
        int n = before.length();
        int[] ends = new int[4];
        int count = 0;
        for (int e = 1; e <= n; e++) {
            if (namePart(before.charAt(e - 1)) && assignmentRest(before, e)) {
                if (count == ends.length) {
                    ends = java.util.Arrays.copyOf(ends, count * 2);
                }
                ends[count++] = e; // ascending
            }
        }
        int runEnd = 0;
        for (int p = 0; p < n && count > 0; p++) {
            if (!nameStart(before.charAt(p))) {
                continue;
            }
            if (runEnd <= p) {
                runEnd = p + 1;
                while (runEnd < n && namePart(before.charAt(runEnd))) {
                    runEnd++;
                }
            }
            for (int k = count - 1; k >= 0; k--) {
                if (ends[k] > p && ends[k] <= runEnd) {
                    return before.substring(p, ends[k]);
                }
            }
        }
        return null;
    }

    /** ASSIGNED_NAME's operators, in its order. */
    private static final String[] ASSIGNMENTS = {"=", ":=", "=>", ":", ",", "??", "||", "or"};

    /** Whether s[at..] matches ["']?\]?\s*(?:=|:=|=>|:|,|\?\?|\|\||or)\s*(?:[rbfu]?["'`])?\s*$. */
    private static boolean assignmentRest(String s, int at) {
        int n = s.length();
        for (int quote = 0; quote < 2; quote++) {
            int a = at;
            if (quote == 1) {
                if (a >= n || (s.charAt(a) != '"' && s.charAt(a) != '\'')) {
                    continue;
                }
                a++;
            }
            for (int bracket = 0; bracket < 2; bracket++) {
                int b = a;
                if (bracket == 1) {
                    if (b >= n || s.charAt(b) != ']') {
                        continue;
                    }
                    b++;
                }
                b = skipSpaces(s, b);
                for (String op : ASSIGNMENTS) {
                    if (s.startsWith(op, b) && valueOpensToEnd(s, skipSpaces(s, b + op.length()))) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** Whether s[at..] matches (?:[rbfu]?["'`])?\s*$, at being past any spaces. */
    private static boolean valueOpensToEnd(String s, int at) {
        int n = s.length();
        if (at == n) {
            return true;
        }
        int q = "rbfu".indexOf(s.charAt(at)) >= 0 ? at + 1 : at; // a string's prefix letter
        return q < n && fieldQuote(s.charAt(q)) && skipSpaces(s, q + 1) == n;
    }

    /** Whether before[at..] matches ["']?\s*(?:=|:=|=>|:)?\s*(?:new\s+)?[\w.$]*\s*$. */
    private static boolean openerRest(String s, int at) {
        if (at < s.length() && (s.charAt(at) == '"' || s.charAt(at) == '\'') && operatorRest(s, at + 1)) {
            return true;
        }
        return operatorRest(s, at);
    }

    private static boolean operatorRest(String s, int at) {
        int a = skipSpaces(s, at);
        if (callRest(s, skipSpaces(s, a))) {
            return true;
        }
        for (String op : new String[] {"=>", ":=", "=", ":"}) {
            if (s.startsWith(op, a) && callRest(s, skipSpaces(s, a + op.length()))) {
                return true;
            }
        }
        return false;
    }

    private static boolean callRest(String s, int at) {
        if (s.startsWith("new", at) && at + 3 < s.length() && isRe2Space(s.charAt(at + 3))
                && wordsToEnd(s, skipSpaces(s, at + 3))) {
            return true;
        }
        return wordsToEnd(s, at);
    }

    private static boolean wordsToEnd(String s, int at) {
        int p = at;
        while (p < s.length() && (word(s.charAt(p)) || s.charAt(p) == '.' || s.charAt(p) == '$')) {
            p++;
        }
        return skipSpaces(s, p) == s.length();
    }

    private static int skipSpaces(String s, int at) {
        int p = at;
        while (p < s.length() && isRe2Space(s.charAt(p))) {
            p++;
        }
        return p;
    }

    private static boolean word(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    }

    private static boolean nameStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == '$';
    }

    private static boolean namePart(char c) {
        return word(c) || c == '.' || c == '$' || c == '-';
    }

    private static boolean openerChar(char c) {
        return c < 128 && (Character.isLetterOrDigit(c) || c == '_' || c == '$' || c == '.' || c == '-'
                || c == '"' || c == '\'' || c == '=' || c == ':' || c == '>' || c == ' ' || c == '\t'
                || c == '\n' || c == '\r' || c == '\f' || c == 0x0B);
    }

    /**
     * Whether FIELD can match in a line, [from, to) of a document's lexable bytes: its value opens
     * with a quote that follows one of = : , > (from =, :=, =>, :, ,), maybe with blanks and a
     * string prefix letter between. A necessary condition, checked without the regex: most lines
     * of prose and calls fail it. Every char it looks for is ASCII, so a char past Latin-1 (a '?'
     * there) counts as none of them, as it would in the text.
     */
    static boolean mayHoldField(byte[] chars, int from, int to) {
        for (int q = from; q < to; q++) {
            byte c = chars[q];
            if (c != '"' && c != '\'' && c != '`') {
                continue;
            }
            int p = q - 1;
            if (p >= from && (chars[p] == 'r' || chars[p] == 'b' || chars[p] == 'f' || chars[p] == 'u')) {
                p--;
            }
            while (p >= from && isRe2Space((char) chars[p])) {
                p--;
            }
            if (p >= from && (chars[p] == '=' || chars[p] == ':' || chars[p] == ',' || chars[p] == '>')) {
                return true;
            }
        }
        return false;
    }

    /** RE2 \s: the four blanks and the space. */
    private static boolean isRe2Space(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r';
    }

    /** What a bracket's opener is read as a call with (see {@link #constructorId}). */
    private static final String CALL = "(";

    static boolean isConstructor(String opener, List<Pattern> constructors) {
        if (opener == null) {
            return false;
        }
        return constructorId(opener, constructors) != null;
    }

    /** The library id of a constructor call ending right before a bracket (ccxt.okx( -> okx), or null. */
    static String constructorId(String opener, List<Pattern> constructors) {
        if (opener == null) {
            return null;
        }
        String call = opener.stripTrailing() + CALL;
        for (Pattern p : constructors) {
            if (!RequiredLiteral.mayFind(p, call)) {
                continue; // most brackets: a matcher costs more than the contains that rules them out
            }
            Matcher m = p.matcher(call);
            while (m.find()) {
                if (m.end() == call.length() || (m.end() == call.length() - 1 && call.endsWith("((")) ) {
                    return m.group(1);
                }
            }
        }
        return null;
    }

    private static Scope innermostAt(Scope open, List<Scope> opened, int line) {
        Scope best = open;
        while (best.parent != null && !best.contains(line)) {
            best = best.parent;
        }
        for (Scope s : opened) {
            if (s.contains(line) && s.span() <= best.span()) {
                best = s;
            }
        }
        return best;
    }
}
