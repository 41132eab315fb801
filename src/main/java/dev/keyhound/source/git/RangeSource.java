package dev.keyhound.source.git;

import dev.keyhound.source.BlobSink;
import dev.keyhound.source.ScanStats;
import dev.keyhound.source.Source;
import dev.keyhound.source.SourceOptions;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The commits of a range "A..B" (or "REF" meaning REF..HEAD for --since): each commit's added lines
 * against its parent(s), attributed to that commit (Origin.commitId). OWNER: git helper.
 */
public final class RangeSource implements Source {
    public RangeSource(Path repository, String range, SourceOptions options) throws IOException {
        throw new UnsupportedOperationException("not built yet");
    }

    /** Provenance of the commits the scan attributed blobs to (commit id -> author, date), for findings. */
    public dev.keyhound.finding.ProvenanceLookup provenance() {
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
