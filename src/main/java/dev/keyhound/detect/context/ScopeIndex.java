package dev.keyhound.detect.context;

import java.util.List;
import java.util.Locale;

/** The scopes of one document view, built by the reader that fits its format. */
final class ScopeIndex {
    private final List<Scope> scopes; // scopes.get(0) is the root

    ScopeIndex(List<Scope> scopes) {
        this.scopes = List.copyOf(scopes);
    }

    static ScopeIndex of(String path, DocumentView view, List<com.google.re2j.Pattern> constructors) {
        if (view.notebook) {
            return BracketScopes.build(view, "py", constructors);
        }
        Parser parser = parserFor(path);
        List<Scope> parsed = switch (parser) {
            case JSON -> ParsedScopes.json(view);
            case YAML -> ParsedScopes.yaml(view);
            default -> null;
        };
        if (parsed != null) {
            return new ScopeIndex(parsed);
        }
        return parser == Parser.SECTIONS ? SectionScopes.build(view) : BracketScopes.build(view, extension(path), constructors);
    }

    /** How a file's scopes are read, by its name (a JSON or YAML file that does not parse falls back to brackets). */
    private enum Parser { JSON, YAML, SECTIONS, BRACKETS }

    private static Parser parserFor(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        return switch (extension(path)) {
            case "json", "jsonc", "json5" -> Parser.JSON;
            case "yml", "yaml" -> Parser.YAML;
            case "ini", "cfg", "conf", "toml", "properties", "env" -> Parser.SECTIONS;
            default -> name.startsWith(".env") || name.endsWith(".env") || name.equals("env")
                    ? Parser.SECTIONS : Parser.BRACKETS;
        };
    }

    private static String extension(String path) {
        // Asked several times per match: one copy, and none more for a lower-case extension.
        int dot = path.lastIndexOf('.');
        return dot > path.lastIndexOf('/') ? path.substring(dot + 1).toLowerCase(Locale.ROOT) : "";
    }

    /**
     * Whether a file's scopes and fields come from {@link BracketScopes} line by line (source code
     * and anything unknown; not a notebook, whose view is its cells).
     */
    static boolean bracketScoped(String path) {
        return parserFor(path) == Parser.BRACKETS && !notebook(path);
    }

    /** Whether the file is a Jupyter notebook, whose view is its cells' source lines. */
    static boolean notebook(String path) {
        return extension(path).equals("ipynb");
    }

    Scope root() {
        return scopes.get(0);
    }

    /**
     * The innermost scope around a value at a view line: preferably one holding a field with that
     * value on that line (one-line JSON puts several objects on one line), else the smallest span.
     */
    Scope innermost(int line, String value) {
        Scope best = null;
        boolean bestHolds = false;
        for (Scope s : scopes) {
            if (!s.contains(line)) {
                continue;
            }
            boolean holds = holdsValue(s, line, value);
            if (best == null || (holds && !bestHolds) || (holds == bestHolds && s.span() <= best.span())) {
                best = s;
                bestHolds = holds;
            }
        }
        return best == null ? root() : best;
    }

    private static boolean holdsValue(Scope s, int line, String value) {
        return s.fields().stream().anyMatch(f -> f.line() == line && f.value().contains(firstLine(value)));
    }

    static String firstLine(String value) {
        int nl = value.indexOf('\n');
        String v = nl < 0 ? value : value.substring(0, nl);
        return v.length() > 40 ? v.substring(0, 40) : v;
    }

    /** The field of a scope holding the value on the line, or null. */
    static Scope.Field fieldOf(Scope s, int line, String value) {
        for (Scope.Field f : s.fields()) {
            if (f.line() == line && f.value().contains(firstLine(value))) {
                return f;
            }
        }
        return null;
    }
}
