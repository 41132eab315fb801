package dev.keyhound.source;

import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/** Thread-safe counters a source and the pipeline fill during one scan. */
public final class ScanStats {
    public final AtomicLong blobsScanned = new AtomicLong();
    public final AtomicLong bytesScanned = new AtomicLong();
    public final AtomicLong skippedBinary = new AtomicLong();
    public final AtomicLong skippedTooLarge = new AtomicLong();
    public final AtomicLong skippedMissing = new AtomicLong();
    public final AtomicLong unreadable = new AtomicLong();
    /** Blobs and files not read because their path is allowlisted ({@link BlobSink#wants}). */
    public final AtomicLong skippedAllowlisted = new AtomicLong();
    public final AtomicLong commits = new AtomicLong();
    public final AtomicLong refs = new AtomicLong();
    /** Total blobs / bytes the source expects to deliver, when known up front (for progress and ETA). */
    public final AtomicLong expectedBlobs = new AtomicLong(-1);
    public final AtomicLong expectedBytes = new AtomicLong(-1);
    private final ConcurrentLinkedQueue<String> warnings = new ConcurrentLinkedQueue<>();
    private volatile boolean totalsWanted;

    /**
     * Asks the source for {@link #expectedBytes} before it delivers anything. Only the progress
     * line's ETA needs it, and a history source pays for it with a pass over every blob's header
     * (hummingbot: 0.17 s with both cores busy), so a scan nobody watches skips that pass.
     */
    public void wantTotals() {
        totalsWanted = true;
    }

    public boolean totalsWanted() {
        return totalsWanted;
    }

    /**
     * The skip rules every source applies to content it has read: counts it as too large, binary or
     * scanned, and says whether to hand it on.
     */
    public boolean admit(byte[] bytes, long maxFileSize) {
        if (bytes.length > maxFileSize) {
            skippedTooLarge.incrementAndGet();
            return false;
        }
        if (Content.looksBinary(bytes)) {
            skippedBinary.incrementAndGet();
            return false;
        }
        blobsScanned.incrementAndGet();
        bytesScanned.addAndGet(bytes.length);
        return true;
    }

    /**
     * Whether the sink wants what is at this path ({@link BlobSink#wants}); when not, counts it.
     * Sources ask before reading.
     */
    public boolean wanted(BlobSink sink, String path) {
        if (sink.wants(path)) {
            return true;
        }
        skippedAllowlisted.incrementAndGet();
        return false;
    }

    /** A one-line problem the user should see in the summary (a skipped file, a missing object, a shallow boundary). */
    public void warn(String message) {
        warnings.add(message);
    }

    public List<String> warnings() {
        return List.copyOf(warnings);
    }
}
