package dev.keyhound.detect;

import java.util.Arrays;

/** Line starts of a text, for turning offsets into 1-based lines and columns. */
public final class LineIndex {
    private final String text;
    private final int[] starts;
    private final int count;

    LineIndex(String text) {
        this.text = text;
        this.starts = lineStarts(text);
        this.count = starts.length;
    }

    /** Where each line starts: 0, and the offset after every '\n' (a line per '\n', and one after the last). */
    public static int[] lineStarts(String text) {
        int[] s = new int[64];
        int n = 1;
        for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
            if (n == s.length) {
                s = Arrays.copyOf(s, n * 2);
            }
            s[n++] = i + 1;
        }
        return Arrays.copyOf(s, n);
    }

    /** How many lines there are (a final line without '\n' counts). */
    int count() {
        return count;
    }

    /** 1-based line holding offset. */
    int lineOf(int offset) {
        int i = Arrays.binarySearch(starts, 0, count, offset);
        return i >= 0 ? i + 1 : -i - 1;
    }

    int start(int line) {
        return starts[line - 1];
    }

    /** End of the line's content: before its '\n' (and a '\r' before that). */
    int end(int line) {
        int e = line < count ? starts[line] - 1 : text.length();
        if (e > start(line) && text.charAt(e - 1) == '\r') {
            e--;
        }
        return e;
    }
}
