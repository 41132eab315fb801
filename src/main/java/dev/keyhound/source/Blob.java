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
 */
public record Blob(Origin origin, byte[] bytes, BitSet reportLines) {
    public Blob(Origin origin, byte[] bytes) {
        this(origin, bytes, null);
    }

    public boolean reportsLine(int line) {
        return reportLines == null || reportLines.get(line);
    }
}
