package dev.keyhound.source;

/** Receives blobs from a source. Implementations must be thread-safe: sources call it from many threads. */
@FunctionalInterface
public interface BlobSink {
    void accept(Blob blob);

    /**
     * Whether a blob at this path can give anything whatever it holds: false for paths the rules
     * exempt (vendored code, lock files), which a source then does not read at all. A history
     * holds such trees in tens of thousands of versions (hummingbot: 57,000 blobs, 575 MB).
     */
    default boolean wants(String path) {
        return true;
    }
}
