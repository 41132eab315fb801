package dev.keyhound.detect.context;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import java.util.ArrayList;
import java.util.List;

/** INI, TOML, .env and properties files: one scope per [section], fields are key = value lines. */
final class SectionScopes {
    private static final Pattern HEADER = Pattern.compile("^\\s*\\[+\\s*([^\\]]+?)\\s*\\]+\\s*(?:[#;].*)?$");
    private static final Pattern FIELD = Pattern.compile(
            "^\\s*(?:export\\s+)?[\"']?([\\w.-]+)[\"']?\\s*[=:]\\s*[\"']?([^\"'\\s#;]*)");

    private SectionScopes() {
    }

    static ScopeIndex build(DocumentView view) {
        List<Scope> scopes = new ArrayList<>();
        Scope root = new Scope(0, null, null, 1, view.lineCount());
        scopes.add(root);
        Scope current = root;
        for (int n = 1; n <= view.lineCount(); n++) {
            String line = view.line(n);
            Matcher h = HEADER.matcher(line);
            if (h.matches()) {
                if (current != root) {
                    current.endLine = n - 1;
                }
                current = new Scope(scopes.size(), root, h.group(1), n, view.lineCount());
                scopes.add(current);
                continue;
            }
            Matcher f = FIELD.matcher(line);
            if (f.find()) {
                current.add(new Scope.Field(f.group(1), f.group(2), n));
            }
        }
        return new ScopeIndex(scopes);
    }
}
