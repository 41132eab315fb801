package dev.keyhound.source;

import java.io.IOException;
import java.io.InputStream;

/** Standard input as one blob at path "-". OWNER: engine helper. */
public final class StdinSource implements Source {
    public StdinSource(InputStream in, SourceOptions options) {
        throw new UnsupportedOperationException("not built yet");
    }

    @Override
    public void scan(BlobSink sink, ScanStats stats) throws IOException {
        throw new UnsupportedOperationException("not built yet");
    }

    @Override
    public String describe() {
        return "standard input";
    }
}
