package dev.keyhound.source;

import java.io.IOException;

/**
 * Everything that produces content: a file tree, stdin, git history, the staged index, a commit
 * range. A source decides its own parallelism and calls the sink from as many threads as it likes.
 * Problems with one object or file are counted in {@link ScanStats} and skipped; an exception means
 * the scan as a whole could not run.
 */
public interface Source extends AutoCloseable {
    void scan(BlobSink sink, ScanStats stats) throws IOException;

    /** A short human description of the target, for the summary ("3 refs of /repo", "src/"). */
    String describe();

    @Override
    default void close() throws IOException {
    }
}
