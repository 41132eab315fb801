package dev.keyhound.detect.context;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The text attribution reads, with a map from its lines back to file lines. For most files it is
 * the file itself; for a Jupyter notebook it is the cells' source (JSON strings decoded), each
 * view line mapped to the file line of the JSON string it came from.
 */
final class DocumentView {
    final String text;
    /** Where each line starts (a line per '\n', and one after the last): lines are cut when asked. */
    private final int[] starts;
    private final int[] fileLine; // index: view line - 1
    final boolean notebook;

    private DocumentView(String text, int[] fileLine, boolean notebook) {
        this.text = text;
        this.starts = dev.keyhound.detect.LineIndex.lineStarts(text);
        this.fileLine = fileLine;
        this.notebook = notebook;
    }

    static DocumentView of(String path, String text) {
        if (path.toLowerCase().endsWith(".ipynb")) {
            DocumentView nb = notebook(text);
            if (nb != null) {
                return nb;
            }
        }
        return new DocumentView(text, null, false);
    }

    private byte[] lexable;

    /** One byte per char, chars past Latin-1 as '?': what the bracket lexer reads. */
    byte[] lexable() {
        if (lexable == null) {
            lexable = Latin1.lexable(text);
        }
        return lexable;
    }

    /**
     * What the document's searches for ASCII words (provider aliases, testnet marks) read: {@link
     * #lexable}, whose '?' for a char past Latin-1 is no part of a word as that char is not,
     * unless the text holds a char that lower-cases into ASCII ('\u0130', the Kelvin sign);
     * then null, and the text is read as chars. Encoding a text past Latin-1 to test it first,
     * then again for the lexer, took more than the searches.
     */
    byte[] searchable() {
        return Latin1.foldsIntoAscii(text) ? null : lexable();
    }

    int lineCount() {
        return starts.length;
    }

    /** View line n (1-based, without its '\n'), or "" outside the text. */
    String line(int n) {
        if (n < 1 || n > starts.length) {
            return "";
        }
        return text.substring(lineStart(n), lineEnd(n));
    }

    /** Where view line n (1-based, 1 to {@link #lineCount}) starts in the text. */
    int lineStart(int n) {
        return starts[n - 1];
    }

    /** Where view line n (1-based, 1 to {@link #lineCount}) ends in the text, before its '\n'. */
    int lineEnd(int n) {
        return n < starts.length ? starts[n] - 1 : text.length();
    }

    /** The view line holding the secret found at a file line (first occurrence), or -1. */
    int toViewLine(int fileLineNo, String secret) {
        if (fileLine == null) {
            return fileLineNo;
        }
        String probe = secret.contains("\n") ? secret.substring(0, secret.indexOf('\n')) : secret;
        int fallback = -1;
        for (int i = 0; i < fileLine.length; i++) {
            if (fileLine[i] == fileLineNo) {
                if (fallback < 0) {
                    fallback = i + 1;
                }
                if (line(i + 1).contains(probe)) {
                    return i + 1;
                }
            }
        }
        return fallback;
    }

    String lines(int from, int to) {
        StringBuilder b = new StringBuilder();
        for (int i = Math.max(1, from); i <= Math.min(starts.length, to); i++) {
            b.append(line(i)).append('\n');
        }
        return b.toString();
    }

    private static DocumentView notebook(String json) {
        StringBuilder text = new StringBuilder();
        List<Integer> map = new ArrayList<>();
        try (JsonParser p = new JsonFactory().createParser(json)) {
            int depth = 0;
            boolean inSource = false;
            int sourceDepth = -1;
            String field = null;
            int lastLine = 1;
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                switch (t) {
                    case FIELD_NAME -> field = p.currentName();
                    case START_OBJECT, START_ARRAY -> {
                        depth++;
                        if (t == JsonToken.START_ARRAY && "source".equals(field) && !inSource) {
                            inSource = true;
                            sourceDepth = depth;
                        }
                        field = null;
                    }
                    case END_OBJECT, END_ARRAY -> {
                        if (inSource && depth == sourceDepth) {
                            inSource = false;
                            if (text.length() > 0 && text.charAt(text.length() - 1) != '\n') {
                                text.append('\n');
                                map.add(lastLine);
                            }
                            text.append('\n'); // a blank line between cells
                            map.add(lastLine);
                        }
                        depth--;
                    }
                    case VALUE_STRING -> {
                        if (inSource || "source".equals(field)) {
                            int line = p.currentTokenLocation().getLineNr();
                            lastLine = line;
                            String s = p.getText();
                            for (char ch : s.toCharArray()) {
                                if (ch == '\n') {
                                    map.add(line);
                                }
                            }
                            text.append(s);
                            if (!inSource) { // "source" given as one string
                                if (!s.endsWith("\n")) {
                                    text.append('\n');
                                    map.add(line);
                                }
                                text.append('\n');
                                map.add(line);
                            }
                        }
                        field = null;
                    }
                    default -> field = null;
                }
            }
        } catch (IOException | RuntimeException e) {
            return null; // not a readable notebook: read it as plain text
        }
        map.add(map.isEmpty() ? 1 : map.get(map.size() - 1));
        int[] fl = map.stream().mapToInt(Integer::intValue).toArray();
        return new DocumentView(text.toString(), fl, true);
    }
}
