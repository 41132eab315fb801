package dev.keyhound.detect;

/**
 * Where a keyword hit's window ends: the end of the line context lines below the hit's (before
 * its '\n'), but no more than {@link Engine#AFTER_CAP} chars after the hit. Answers are kept per
 * hit and context ({@link PlaceMemo}), and the newlines found per line of a window
 * ({@link Newlines}).
 */
final class WindowEnds {
    private final String text;
    private final Newlines newlines;
    private final PlaceMemo known = new PlaceMemo();

    WindowEnds(String text) {
        this.text = text;
        this.newlines = new Newlines(text);
    }

    int of(int hitEnd, int context) {
        int remembered = known.get(hitEnd, context);
        if (remembered >= 0) {
            return remembered;
        }
        int hi = Math.min(text.length(), hitEnd + Engine.AFTER_CAP);
        int p = hitEnd;
        for (int line = 0; ; line++) {
            int nl = newlines.next(p, line);
            if (nl >= hi) {
                p = hi;
                break;
            }
            if (line == context) {
                p = nl;
                break;
            }
            p = nl + 1;
        }
        known.put(hitEnd, context, p);
        return p;
    }
}
