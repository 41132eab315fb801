package dev.keyhound.source.git;

import java.util.BitSet;
import org.eclipse.jgit.diff.DiffAlgorithm;
import org.eclipse.jgit.diff.Edit;
import org.eclipse.jgit.diff.EditList;
import org.eclipse.jgit.diff.RawText;
import org.eclipse.jgit.diff.RawTextComparator;

/** Which lines of a new version are added or changed against an old one (git's histogram diff). */
final class LineDiff {
    private static final DiffAlgorithm HISTOGRAM = DiffAlgorithm.getAlgorithm(DiffAlgorithm.SupportedAlgorithm.HISTOGRAM);

    private LineDiff() {
    }

    /** 1-based line numbers of newBytes that are not carried over unchanged from oldBytes. */
    static BitSet addedLines(byte[] oldBytes, byte[] newBytes) {
        RawText a = new RawText(oldBytes);
        RawText b = new RawText(newBytes);
        EditList edits = HISTOGRAM.diff(RawTextComparator.DEFAULT, a, b);
        BitSet lines = new BitSet();
        for (Edit e : edits) {
            if (e.getEndB() > e.getBeginB()) {
                lines.set(e.getBeginB() + 1, e.getEndB() + 1);
            }
        }
        return lines;
    }
}
