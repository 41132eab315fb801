package dev.keyhound.source;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Files and directory trees, .git/ ignored, read on all cores. OWNER: engine helper. */
public final class DirectorySource implements Source {
    public DirectorySource(List<Path> paths, SourceOptions options) {
        throw new UnsupportedOperationException("not built yet");
    }

    @Override
    public void scan(BlobSink sink, ScanStats stats) throws IOException {
        throw new UnsupportedOperationException("not built yet");
    }

    @Override
    public String describe() {
        throw new UnsupportedOperationException("not built yet");
    }
}
