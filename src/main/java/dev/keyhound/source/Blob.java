package dev.keyhound.source;

import java.util.BitSet;

/**
 * One unit of content to scan.
 *
 * @param origin      where it came from
 * @param bytes       the raw content (not decoded); detection owns decoding
 * @param reportLines 1-based line numbers whose findings may be reported (the lines a staged or
 *                    range scan saw added); null means every line. Detection still reads the
 *                    whole blob, so context around an added line is never lost.
 * @param delta       how a history blob was rebuilt from another one, or null
 */
public record Blob(Origin origin, byte[] bytes, BitSet reportLines, DeltaFrom delta) {
    public Blob(Origin origin, byte[] bytes) {
        this(origin, bytes, null, null);
    }

    public Blob(Origin origin, byte[] bytes, BitSet reportLines) {
        this(origin, bytes, reportLines, null);
    }

    public boolean reportsLine(int line) {
        return reportLines == null || reportLines.get(line);
    }
}
