package dev.keyhound.source;

/** Receives blobs from a source. Implementations must be thread-safe: sources call it from many threads. */
@FunctionalInterface
public interface BlobSink {
    void accept(Blob blob);
}
