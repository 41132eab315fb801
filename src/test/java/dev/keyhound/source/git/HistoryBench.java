package dev.keyhound.source.git;

import dev.keyhound.source.ScanStats;
import dev.keyhound.source.SourceOptions;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Benchmark main for bench/history.sh until the CLI exists: a full-history scan with a trivial
 * detector (counts newline bytes, so every byte is touched once). Prints the scan's counters.
 * Usage: HistoryBench REPO [threads]
 */
public final class HistoryBench {
    private HistoryBench() {
    }

    public static void main(String[] args) throws Exception {
        Path repo = Path.of(args[0]);
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : Runtime.getRuntime().availableProcessors();
        long t0 = System.nanoTime();
        ScanStats stats = new ScanStats();
        AtomicLong lines = new AtomicLong();
        try (HistorySource source = new HistorySource(repo, List.of(),
                new SourceOptions(SourceOptions.DEFAULT_MAX_FILE_SIZE, threads))) {
            source.scan(blob -> {
                long n = 0;
                for (byte b : blob.bytes()) {
                    if (b == '\n') {
                        n++;
                    }
                }
                lines.addAndGet(n);
            }, stats);
        }
        long ms = (System.nanoTime() - t0) / 1_000_000;
        System.err.printf("keyhound-history: %d ms, refs=%d commits=%d blobs=%d/%d bytes=%d (expected %d) "
                        + "binary=%d tooLarge=%d missing=%d unreadable=%d lines=%d%n",
                ms, stats.refs.get(), stats.commits.get(), stats.blobsScanned.get(), stats.expectedBlobs.get(),
                stats.bytesScanned.get(), stats.expectedBytes.get(), stats.skippedBinary.get(),
                stats.skippedTooLarge.get(), stats.skippedMissing.get(), stats.unreadable.get(), lines.get());
        for (String w : stats.warnings()) {
            System.err.println("warning: " + w);
        }
    }
}
