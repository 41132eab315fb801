package dev.keyhound.detect;

/**
 * The bounds of the line holding an offset, read around the offset: a delta child's few matches
 * lie far into its text, and the line index counts every line from the text's start to reach
 * them. A line longer than {@link #READ} chars around the offset is left to the index.
 */
final class NearbyLines {
    static final int READ = 4096;

    private final String text;
    private final LineIndex index;

    NearbyLines(String text, LineIndex index) {
        this.text = text;
        this.index = index;
    }

    /** Where the line holding offset starts: after the '\n' before it. */
    int startAt(int offset) {
        int lo = Math.max(0, offset - READ);
        for (int p = offset; p > lo; p--) {
            if (text.charAt(p - 1) == '\n') {
                return p;
            }
        }
        return lo == 0 ? 0 : index.start(index.lineOf(offset));
    }

    /** Where the line holding offset ends: before its '\n', and before a '\r' ending the line. */
    int endAt(int offset) {
        int hi = Math.min(text.length(), offset + READ);
        int e = offset;
        while (e < hi && text.charAt(e) != '\n') {
            e++;
        }
        if (e == hi && hi < text.length()) {
            return index.end(index.lineOf(offset));
        }
        if (e > 0 && text.charAt(e - 1) == '\r') {
            e--; // within the line: the char before a line's start is a '\n'
        }
        return e;
    }
}
