package dev.keyhound.detect;

import java.util.Arrays;

/**
 * Line starts of a text, for turning offsets into 1-based lines and columns. The starts are found
 * only as far as asked: a delta child's matches lie around its changes, and finding every line of
 * a large file for them took as long as matching them.
 */
public final class LineIndex {
    private final String text;
    private int[] starts = new int[64];
    /** starts[0, count) are known: every line start at or before {@link #scanned}. */
    private int count = 1;
    /** Every '\n' before this offset is known; the text's length + 1 once all are. */
    private int scanned;

    LineIndex(String text) {
        this.text = text;
    }

    /** Where each line starts: 0, and the offset after every '\n' (a line per '\n', and one after the last). */
    public static int[] lineStarts(String text) {
        LineIndex all = new LineIndex(text);
        all.count();
        return Arrays.copyOf(all.starts, all.count);
    }

    /** Finds the next line start, or marks the text read to its end. */
    private void scanOne() {
        int nl = text.indexOf('\n', scanned);
        if (nl < 0) {
            scanned = text.length() + 1;
            return;
        }
        if (count == starts.length) {
            starts = Arrays.copyOf(starts, count * 2);
        }
        starts[count++] = nl + 1;
        scanned = nl + 1;
    }

    private boolean done() {
        return scanned > text.length();
    }

    /** How many lines there are (a final line without '\n' counts). */
    int count() {
        while (!done()) {
            scanOne();
        }
        return count;
    }

    /** 1-based line holding offset. */
    int lineOf(int offset) {
        while (scanned < offset && !done()) {
            scanOne();
        }
        int i = Arrays.binarySearch(starts, 0, count, offset);
        return i >= 0 ? i + 1 : -i - 1;
    }

    int start(int line) {
        while (count < line && !done()) {
            scanOne();
        }
        return starts[line - 1];
    }

    /** End of the line's content: before its '\n' (and a '\r' before that). */
    int end(int line) {
        while (count <= line && !done()) {
            scanOne();
        }
        return withoutCr(line < count ? starts[line] - 1 : text.length());
    }

    /** How far {@link #startNear} and {@link #endNear} read around an offset before asking the index. */
    static final int NEAR = 4096;

    /**
     * Where the line holding offset starts, read back from the offset: a delta child's few matches
     * lie far into its text, and the index would count every line from the start to reach them.
     * A line longer than {@link #NEAR} chars before the offset is left to the index.
     */
    int startNear(int offset) {
        int lo = Math.max(0, offset - NEAR);
        for (int p = offset; p > lo; p--) {
            if (text.charAt(p - 1) == '\n') {
                return p;
            }
        }
        return lo == 0 ? 0 : start(lineOf(offset));
    }

    /** As {@link #end} of the line holding offset, read on from the offset (see {@link #startNear}). */
    int endNear(int offset) {
        int hi = Math.min(text.length(), offset + NEAR);
        int e = offset;
        while (e < hi && text.charAt(e) != '\n') {
            e++;
        }
        if (e == hi && hi < text.length()) {
            return end(lineOf(offset));
        }
        return withoutCr(e);
    }

    /**
     * A line's end e, before a '\r' that ends its content. The char before a line's start is a
     * '\n', so a '\r' before e lies within the line.
     */
    private int withoutCr(int e) {
        return e > 0 && text.charAt(e - 1) == '\r' ? e - 1 : e;
    }
}
