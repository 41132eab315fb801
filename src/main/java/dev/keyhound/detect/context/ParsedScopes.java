package dev.keyhound.detect.context;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Objects of JSON (with comments, trailing commas, single quotes: freqtrade's config) and YAML
 * (every document of a stream) read with Jackson's streaming parser, which keeps line numbers.
 * Returns null when the text does not parse, so the caller falls back to a lexical reader.
 */
final class ParsedScopes {
    private static final JsonFactory JSON = JsonFactory.builder()
            .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS, JsonReadFeature.ALLOW_YAML_COMMENTS,
                    JsonReadFeature.ALLOW_TRAILING_COMMA, JsonReadFeature.ALLOW_SINGLE_QUOTES,
                    JsonReadFeature.ALLOW_UNQUOTED_FIELD_NAMES, JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS)
            .build();
    private static final YAMLFactory YAML = new YAMLFactory();

    private ParsedScopes() {
    }

    static List<Scope> json(DocumentView view) {
        return read(JSON, view);
    }

    static List<Scope> yaml(DocumentView view) {
        return read(YAML, view);
    }

    private record Container(Scope scope, String arrayName) {
    }

    private static List<Scope> read(JsonFactory factory, DocumentView view) {
        List<Scope> scopes = new ArrayList<>();
        Scope root = new Scope(0, null, null, 1, view.lineCount());
        scopes.add(root);
        Deque<Container> stack = new ArrayDeque<>();
        stack.push(new Container(root, null));
        String field = null;
        try (JsonParser p = factory.createParser(view.text)) {
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                int line = p.currentTokenLocation().getLineNr();
                switch (t) {
                    case FIELD_NAME -> field = p.currentName();
                    case START_OBJECT -> {
                        Container up = stack.peek();
                        String key = field != null ? field : up.arrayName();
                        Scope s = new Scope(scopes.size(), up.scope(), key, line, line);
                        scopes.add(s);
                        stack.push(new Container(s, null));
                        field = null;
                    }
                    case START_ARRAY -> {
                        Container up = stack.peek();
                        stack.push(new Container(up.scope(), field != null ? field : up.arrayName()));
                        field = null;
                    }
                    case END_OBJECT -> {
                        Container c = stack.pop();
                        c.scope().endLine = Math.max(c.scope().startLine, p.currentLocation().getLineNr());
                    }
                    case END_ARRAY -> stack.pop();
                    default -> {
                        if (t.isScalarValue()) {
                            Container c = stack.peek();
                            String name = field != null ? field : c.arrayName();
                            if (name != null && p.getText() != null) {
                                c.scope().add(new Scope.Field(name, p.getText(), line));
                                c.scope().endLine = Math.max(c.scope().endLine, line);
                            }
                        }
                        field = null;
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            return null;
        }
        // YAML reports an object's end at the next token, possibly lines later: clamp to the parent.
        for (Scope s : scopes) {
            if (s.parent != null && s.endLine > s.parent.endLine && !s.parent.isRoot()) {
                s.endLine = s.parent.endLine;
            }
        }
        return scopes;
    }
}
