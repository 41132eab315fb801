package dev.keyhound.source.git;

import dev.keyhound.source.Content;
import dev.keyhound.source.ScanStats;
import java.io.IOException;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.lib.AnyObjectId;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectReader;

/**
 * Loads one blob for the diff-based sources (staged, range), applying the size cap before loading
 * and the binary check after; whatever is skipped is counted. The history source has its own bulk
 * path with the same rules.
 */
final class BlobLoader {
    private final ObjectReader reader;
    private final long maxSize;
    private final ScanStats stats;
    private final Problems problems;

    BlobLoader(ObjectReader reader, long maxSize, ScanStats stats, Problems problems) {
        this.reader = reader;
        this.maxSize = maxSize;
        this.stats = stats;
        this.problems = problems;
    }

    /** The text content, or null when the blob is too large, binary, missing or unreadable (counted). */
    byte[] text(AnyObjectId id, String path) {
        byte[] bytes = raw(id, path, true);
        if (bytes != null && Content.looksBinary(bytes)) {
            stats.skippedBinary.incrementAndGet();
            return null;
        }
        return bytes;
    }

    /** An old version to diff against: not counted when skipped, since it is not scanned itself. */
    byte[] base(AnyObjectId id, String path) {
        return raw(id, path, false);
    }

    private byte[] raw(AnyObjectId id, String path, boolean count) {
        try {
            if (reader.getObjectSize(id, Constants.OBJ_BLOB) > maxSize) {
                if (count) {
                    stats.skippedTooLarge.incrementAndGet();
                }
                return null;
            }
            return reader.open(id, Constants.OBJ_BLOB).getCachedBytes(Integer.MAX_VALUE);
        } catch (MissingObjectException e) {
            if (count) {
                problems.missing("blob " + id.name() + " (" + path + ")");
            }
            return null;
        } catch (IOException | RuntimeException e) {
            if (count) {
                problems.unreadable("blob " + id.name() + " (" + path + ")", e);
            }
            return null;
        }
    }
}
