package dev.keyhound.detect;

import dev.keyhound.source.Blob;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The history scan's detector: a blob that a git delta rebuilt from an already detected blob is
 * read again only where the delta changed it ({@link Engine#detection(Blob, Detection)}). Most of
 * a repository's bytes are old versions of files that differ from their delta base by a few lines.
 *
 * <p>Sources deliver a delta's base before the delta, on the same thread (a pack walk resolves
 * each delta tree depth-first on one worker), so each thread remembers its last detections.
 */
public final class DeltaDetector implements Detector {
    /** Detections remembered per thread: more than the deepest delta chain git writes (250). */
    private static final int REMEMBERED = 1024;

    private final Engine engine;
    private final AtomicLong readInPart = new AtomicLong();
    private final AtomicLong readWhole = new AtomicLong();
    private final ThreadLocal<Map<String, Detection>> seen = PerThreadLru.of(REMEMBERED);

    public DeltaDetector(Engine engine) {
        this.engine = engine;
    }

    @Override
    public List<Credential> detect(Blob blob) {
        Map<String, Detection> mine = seen.get();
        Detection base = blob.delta() == null ? null : mine.get(blob.delta().baseId());
        Detection d = base == null ? null : engine.fromBase(blob, base);
        if (d == null) {
            d = engine.detection(blob);
            readWhole.incrementAndGet();
        } else {
            readInPart.incrementAndGet();
        }
        if (blob.origin().blobId() != null) {
            mine.put(blob.origin().blobId(), d);
        }
        return d.credentials();
    }

    @Override
    public boolean readsPath(String path) {
        return engine.readsPath(path);
    }

    /** Blobs whose result came from their delta base, reading only what the delta changed. */
    public long readInPart() {
        return readInPart.get();
    }

    /** Blobs read whole. */
    public long readWhole() {
        return readWhole.get();
    }
}
