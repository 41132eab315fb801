package dev.keyhound.source.git;

import dev.keyhound.finding.ProvenanceLookup;
import dev.keyhound.source.BlobSink;
import dev.keyhound.source.ScanStats;
import dev.keyhound.source.Source;
import dev.keyhound.source.SourceOptions;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Every unique blob reachable from the repository's refs (or the given branches), read once, in
 * pack order, on all cores. After {@link #scan}, {@link #provenance()} answers for the blobs with
 * findings. OWNER: git helper.
 *
 * @param branches refs to limit the scan to (empty = every ref: branches, tags, remotes, stash)
 */
public final class HistorySource implements Source {
    public HistorySource(Path repository, List<String> branches, SourceOptions options) throws IOException {
        throw new UnsupportedOperationException("not built yet");
    }

    @Override
    public void scan(BlobSink sink, ScanStats stats) throws IOException {
        throw new UnsupportedOperationException("not built yet");
    }

    public ProvenanceLookup provenance() {
        throw new UnsupportedOperationException("not built yet");
    }

    @Override
    public String describe() {
        throw new UnsupportedOperationException("not built yet");
    }
}
