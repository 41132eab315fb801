package dev.keyhound.source.git;

import dev.keyhound.source.BlobSink;
import dev.keyhound.source.ScanStats;
import dev.keyhound.source.Source;
import dev.keyhound.source.SourceOptions;
import java.io.IOException;
import java.nio.file.Path;

/** The checked-out working tree: tracked and untracked files, not ignored ones. OWNER: git helper. */
public final class WorkingTreeSource implements Source {
    public WorkingTreeSource(Path repository, SourceOptions options) throws IOException {
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
