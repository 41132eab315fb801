package dev.keyhound.source;

import java.io.IOException;
import java.io.InputStream;

/** Standard input as one blob at path "-". OWNER: engine helper. */
public final class StdinSource implements Source {
    private final InputStream in;
    private final SourceOptions options;

    public StdinSource(InputStream in, SourceOptions options) {
        this.in = in;
        this.options = options;
    }

    @Override
    public void scan(BlobSink sink, ScanStats stats) throws IOException {
        long cap = options.maxFileSize();
        // Read at most one byte past the cap: enough to know the input is too large without holding it all.
        byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, cap + 1));
        if (bytes.length > cap) {
            stats.skippedTooLarge.incrementAndGet();
            stats.warn("standard input is larger than the maximum size of " + cap + " bytes; not scanned");
            return;
        }
        if (stats.admit(bytes, cap)) {
            sink.accept(new Blob(Origin.stdin(), bytes));
        }
    }

    @Override
    public String describe() {
        return "standard input";
    }
}
