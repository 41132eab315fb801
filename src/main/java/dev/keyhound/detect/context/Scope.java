package dev.keyhound.detect.context;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One object, section or bracketed region of a document: the unit inside which sibling fields
 * name the provider and parts of one credential are paired. Lines are view lines (1-based).
 */
final class Scope {
    /** A scalar field of the scope: its name, its value and the view line of the value. */
    record Field(String name, String value, int line) {
    }

    final int id;
    final Scope parent;
    /** The name the scope is assigned to; for a bracket, read from its opener when first asked. */
    private String keyName;
    private boolean named;
    final int startLine;
    int endLine;
    /** Text right before the opening bracket (for library constructors); null for parsed objects. */
    final String opener;
    private final List<Field> fields = new ArrayList<>();

    Scope(int id, Scope parent, String keyName, int startLine, int endLine, String opener) {
        this.id = id;
        this.parent = parent;
        this.keyName = keyName;
        this.named = true;
        this.startLine = startLine;
        this.endLine = endLine;
        this.opener = opener;
    }

    /**
     * A bracketed region, named from the text before its bracket only when asked: most brackets
     * are calls on one line that are dropped unnamed.
     */
    static Scope bracket(int id, Scope parent, int startLine, int endLine, String opener) {
        Scope s = new Scope(id, parent, null, startLine, endLine, opener);
        s.named = false;
        return s;
    }

    String keyName() {
        if (!named) {
            keyName = BracketScopes.openerName(opener);
            named = true;
        }
        return keyName;
    }

    void add(Field f) {
        fields.add(f);
    }

    List<Field> fields() {
        return Collections.unmodifiableList(fields);
    }

    boolean contains(int line) {
        return line >= startLine && line <= endLine;
    }

    boolean isRoot() {
        return parent == null;
    }

    int span() {
        return endLine - startLine;
    }
}
