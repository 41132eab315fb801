package dev.keyhound.detect;

/**
 * Where a keyword hit's window starts: the start of the line context lines above the hit's, but
 * no more than {@link Engine#BEFORE_CAP} chars before the hit. Hits come in text order and many
 * share a line (a long line's, a dense config's): a hit on the line of the previous one asked
 * with the same context takes that line's start, checking only the chars between the two hits,
 * instead of walking back again (the walk back ran for every hit near a delta's changes).
 */
final class WindowStarts {
    /** Contexts remembered, one slot each (a rule reads at most a few lines around its hit). */
    private static final int SLOTS = 8;

    /** The text as bytes (one char each, from shift on), or null when read from chars. */
    private final byte[] bytes;
    private final int shift;
    private final String text;
    /** Per context: the last hit asked for, or -1. */
    private final int[] lastHit = {-1, -1, -1, -1, -1, -1, -1, -1};
    /**
     * Per context: the last hit's window start. The line start it stands for lies there, or (when
     * the cap cut the walk) before it, so for a later hit on that line the cap cuts it too.
     */
    private final int[] lineStart = new int[SLOTS];
    /** Every answer, per hit and context: the next rule with this hit asks again. */
    private final PlaceMemo known = new PlaceMemo();

    /** Over a text whose char i is bytes[shift + i] (a Latin-1 or ASCII view of the bytes). */
    static WindowStarts ofBytes(byte[] bytes, int shift) {
        return new WindowStarts(bytes, shift, null);
    }

    static WindowStarts ofText(String text) {
        return new WindowStarts(null, 0, text);
    }

    private WindowStarts(byte[] bytes, int shift, String text) {
        this.bytes = bytes;
        this.shift = shift;
        this.text = text;
    }

    int of(int hitStart, int context) {
        int remembered = known.get(hitStart, context);
        if (remembered >= 0) {
            return remembered;
        }
        int start = walk(hitStart, context);
        known.put(hitStart, context, start);
        return start;
    }

    private int walk(int hitStart, int context) {
        int lo = Math.max(0, hitStart - Engine.BEFORE_CAP);
        boolean slot = context < SLOTS;
        if (slot && lastHit[context] >= lo && lastHit[context] <= hitStart && !holdsNewline(lastHit[context], hitStart)) {
            lastHit[context] = hitStart; // the same line: the same start, unless the cap now cuts it
            return Math.max(lo, lineStart[context]);
        }
        int p = hitStart;
        int newlines = 0;
        while (p > lo) {
            if (charAt(p - 1) == '\n' && newlines++ == context) {
                break;
            }
            p--;
        }
        if (slot) {
            lastHit[context] = hitStart;
            lineStart[context] = p;
        }
        return p;
    }

    /** Whether [from, to) holds a '\n'. */
    private boolean holdsNewline(int from, int to) {
        for (int i = from; i < to; i++) {
            if (charAt(i) == '\n') {
                return true;
            }
        }
        return false;
    }

    private char charAt(int i) {
        // Bytes read directly have none of String.charAt's checks.
        return bytes != null ? (char) (bytes[shift + i] & 0xFF) : text.charAt(i);
    }
}
