package dev.keyhound.detect;

/**
 * The first '\n' at or after a place in a text, remembered per line of a window. Hits come in
 * text order: a long line's many hits ask for the same newlines, and a hit a line below the last
 * asks for the newlines the last one's window found a slot further on. Each slot keeps the span
 * its answer holds for, and any slot's span answers (with one answer for all, a minified file's
 * megabyte-long line was searched to its end twice per hit).
 */
final class Newlines {
    private static final int SLOTS = 8;

    private final String text;
    /** Slot k: no '\n' in [from[k], at[k]), and at[k] is a '\n' or the text's length. */
    private final int[] from = {-1, -1, -1, -1, -1, -1, -1, -1};
    private final int[] at = {-1, -1, -1, -1, -1, -1, -1, -1};

    Newlines(String text) {
        this.text = text;
    }

    /** The first '\n' at or after p (the text's length when none), for the slot-th line of a window. */
    int next(int p, int slot) {
        int k = Math.min(slot, SLOTS - 1);
        if (p >= from[k] && p <= at[k]) {
            return at[k];
        }
        for (int j = 0; j < SLOTS; j++) {
            if (p >= from[j] && p <= at[j]) {
                from[k] = from[j];
                at[k] = at[j];
                return at[k];
            }
        }
        int nl = text.indexOf('\n', p);
        from[k] = p;
        at[k] = nl < 0 ? text.length() : nl;
        return at[k];
    }
}
