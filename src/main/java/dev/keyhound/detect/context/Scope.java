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
    /**
     * The document and the [from, to) of the text right before the opening bracket (for library
     * constructors), cut when first asked: most brackets are calls on one line, dropped unread.
     * No document for parsed objects.
     */
    private final String document;
    private final int openerFrom;
    private final int openerTo;
    private String opener;
    private final List<Field> fields = new ArrayList<>();

    Scope(int id, Scope parent, String keyName, int startLine, int endLine) {
        this(id, parent, keyName, startLine, endLine, null, 0, 0);
    }

    private Scope(int id, Scope parent, String keyName, int startLine, int endLine, String document, int openerFrom,
                  int openerTo) {
        this.id = id;
        this.parent = parent;
        this.keyName = keyName;
        this.named = document == null;
        this.startLine = startLine;
        this.endLine = endLine;
        this.document = document;
        this.openerFrom = openerFrom;
        this.openerTo = openerTo;
    }

    /**
     * A bracketed region whose opener is document[openerFrom, openerTo), named from it only when
     * asked: most brackets are calls on one line that are dropped unnamed.
     */
    static Scope bracket(int id, Scope parent, int startLine, int endLine, String document, int openerFrom, int openerTo) {
        return new Scope(id, parent, null, startLine, endLine, document, openerFrom, openerTo);
    }

    /** Text right before the opening bracket; null for parsed objects and sections. */
    String opener() {
        if (opener == null && document != null) {
            opener = document.substring(openerFrom, openerTo);
        }
        return opener;
    }

    String keyName() {
        if (!named) {
            keyName = BracketScopes.openerName(opener());
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
