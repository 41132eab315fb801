package dev.keyhound.source;

/**
 * @param maxFileSize blobs and files larger than this many bytes are skipped and counted
 * @param threads     worker threads (default: available processors)
 */
public record SourceOptions(long maxFileSize, int threads) {
    public static final long DEFAULT_MAX_FILE_SIZE = 10L * 1024 * 1024;

    public static SourceOptions defaults() {
        return new SourceOptions(DEFAULT_MAX_FILE_SIZE, Runtime.getRuntime().availableProcessors());
    }
}
