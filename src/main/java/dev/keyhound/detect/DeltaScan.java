package dev.keyhound.detect;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The line arithmetic of reading a delta-rebuilt blob incrementally: which lines the delta
 * changed, and where the base's credentials went. All offsets are byte offsets.
 *
 * <p>A base part is taken over only when every line its detection could read (its own lines and
 * {@link Engine#DELTA_CONTEXT_LINES} either side) was copied as one run, and no other run copies
 * its secret: those lines are then byte for byte what they were, and the part's line text and
 * column with them. A part whose bytes were not copied at all was deleted. Anything else (a part
 * edited, split or copied twice) makes the caller read the whole blob.
 */
final class DeltaScan {
    private final byte[] child;
    private final int[] copies;

    DeltaScan(byte[] child, int[] copies) {
        this.child = child;
        this.copies = copies;
    }

    /**
     * The base's credentials at their places in the child, with their spans; null when a part
     * changed (read the whole child instead).
     */
    Detection inherit(Detection base) {
        List<Credential> kept = new ArrayList<>();
        int[] spans = new int[base.spans().length];
        int n = 0;
        int at = 0;
        int[] b = base.spans();
        for (Credential c : base.credentials()) {
            int parts = c.parts().size();
            int mapped = 0;
            int deleted = 0;
            int[] moved = new int[parts * 4];
            for (int p = 0; p < parts; p++) {
                int s = at + p * 4;
                if (b[s] < 0) {
                    System.arraycopy(b, s, moved, p * 4, 4); // found by path: the path is the same
                    mapped++;
                    continue;
                }
                int shift = shiftOf(b[s], b[s + 1], b[s + 2], b[s + 3]);
                if (shift == NOT_ONE_RUN) {
                    if (copiedAnywhere(b[s], b[s + 1])) {
                        return null;
                    }
                    deleted++;
                    continue;
                }
                for (int k = 0; k < 4; k++) {
                    moved[p * 4 + k] = b[s + k] + shift;
                }
                mapped++;
            }
            at += parts * 4;
            if (deleted == parts) {
                continue;
            }
            if (mapped != parts) {
                return null;
            }
            kept.add(c);
            System.arraycopy(moved, 0, spans, n, moved.length);
            n += moved.length;
        }
        spans = Arrays.copyOf(spans, n);
        return new Detection(base.path(), relined(kept, spans), spans, null);
    }

    private static final int NOT_ONE_RUN = Integer.MIN_VALUE;

    /**
     * How far a part moved: its secret [from, to) must be copied by exactly one run, and that run
     * must hold the lines around it [around, aroundEnd) too. A secret copied twice (even once
     * without its lines) is at two places of the child: read it all.
     */
    private int shiftOf(int from, int to, int around, int aroundEnd) {
        int shift = NOT_ONE_RUN;
        int runs = 0;
        for (int i = 0; i < copies.length; i += 3) {
            int src = copies[i + 1];
            if (src <= from && to <= src + copies[i + 2]) {
                runs++;
                shift = src <= around && aroundEnd <= src + copies[i + 2] ? copies[i] - src : NOT_ONE_RUN;
            }
        }
        return runs == 1 ? shift : NOT_ONE_RUN;
    }

    private boolean copiedAnywhere(int from, int to) {
        for (int i = 0; i < copies.length; i += 3) {
            if (copies[i + 1] < to && from < copies[i + 1] + copies[i + 2]) {
                return true;
            }
        }
        return false;
    }

    /** A credential and its spans, kept together while they are sorted. */
    private record Placed(Credential credential, int[] spans) {
    }

    /**
     * The credentials with each part's line number as it is in the child, in the engine's order
     * (live credentials, then inline-allowed ones, each by place); spans is reordered with them,
     * as {@link Detection} requires.
     */
    private List<Credential> relined(List<Credential> credentials, int[] spans) {
        if (credentials.isEmpty()) {
            return List.of();
        }
        int[] starts = new int[spans.length / 4];
        for (int i = 0; i < starts.length; i++) {
            starts[i] = spans[i * 4];
        }
        int[] lines = lineNumbers(starts);
        List<Placed> placed = new ArrayList<>(credentials.size());
        int i = 0;
        for (Credential c : credentials) {
            int[] own = Arrays.copyOfRange(spans, i * 4, (i + c.parts().size()) * 4);
            List<Match> parts = new ArrayList<>(c.parts().size());
            for (Match m : c.parts()) {
                int line = starts[i] < 0 ? m.line() : lines[i];
                i++;
                parts.add(line == m.line() ? m : new Match(m.ruleId(), m.provider(), m.part(), m.severity(),
                        m.secret(), line, m.column(), m.endColumn(), m.lineText(), m.entropy(), m.note()));
            }
            placed.add(new Placed(new Credential(c.provider(), c.severity(), parts, c.allowedInline()), own));
        }
        placed.sort(java.util.Comparator.comparing((Placed p) -> p.credential().allowedInline())
                .thenComparingInt(p -> p.credential().primary().line())
                .thenComparingInt(p -> p.credential().primary().column()));
        List<Credential> sorted = new ArrayList<>(placed.size());
        int at = 0;
        for (Placed p : placed) {
            sorted.add(p.credential());
            System.arraycopy(p.spans(), 0, spans, at, p.spans().length);
            at += p.spans().length;
        }
        return sorted;
    }

    /** 1-based line of each offset (negative offsets are left 0), in one pass. */
    private int[] lineNumbers(int[] offsets) {
        int[] lines = new int[offsets.length];
        int line = 1;
        int p = 0;
        for (int idx : ByteOffsets.ascending(offsets)) {
            if (offsets[idx] < 0) {
                continue;
            }
            for (; p < offsets[idx]; p++) {
                if (child[p] == '\n') {
                    line++;
                }
            }
            lines[idx] = line;
        }
        return lines;
    }

    /**
     * The bytes the delta changed, as merged [start, end) pairs: inserted bytes, and the first
     * byte after each seam where two copy runs meet that did not meet in the base (text across a
     * seam is new).
     */
    int[] changes() {
        int[] out = new int[copies.length / 3 * 2 + 2]; // at most one change before each run, and one after
        int n = 0;
        int end = 0; // end of the previous run in the child
        int baseEnd = -1; // its end in the base
        for (int i = 0; i <= copies.length; i += 3) {
            int start = i < copies.length ? copies[i] : child.length;
            int from = -1;
            int to = -1;
            if (start > end) {
                from = end;
                to = start;
            } else if (i > 0 && i < copies.length && copies[i + 1] != baseEnd && start < child.length) {
                from = start;
                to = start + 1;
            }
            if (from >= 0) {
                if (n > 0 && from <= out[n - 1]) {
                    out[n - 1] = Math.max(out[n - 1], to);
                } else {
                    out[n++] = from;
                    out[n++] = to;
                }
            }
            if (i < copies.length) {
                end = copies[i] + copies[i + 2];
                baseEnd = copies[i + 1] + copies[i + 2];
            }
        }
        return Arrays.copyOf(out, n);
    }
}
