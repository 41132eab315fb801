package dev.keyhound.source.git;

import dev.keyhound.detect.Detector;
import dev.keyhound.detect.Engine;
import dev.keyhound.detect.EngineOptions;
import dev.keyhound.rules.RuleSet;
import dev.keyhound.source.ScanStats;
import dev.keyhound.source.SourceOptions;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Benchmark main for bench/history.sh: a full-history scan of REPO. With "--engine" every blob
 * goes through the real detection Engine with the built-in rules; without it the sink only sums
 * the blob lengths, so the figure measures the git source alone (as cat-file > /dev/null measures
 * git's object reading alone).
 * Usage: HistoryBench REPO [threads] [--engine]
 */
public final class HistoryBench {
    private HistoryBench() {
    }

    public static void main(String[] args) throws Exception {
        Path repo = Path.of(args[0]);
        int threads = args.length > 1 && !args[1].startsWith("--") ? Integer.parseInt(args[1])
                : Runtime.getRuntime().availableProcessors();
        boolean engine = List.of(args).contains("--engine");
        Detector detector = engine ? new Engine(RuleSet.builtIn(), EngineOptions.DEFAULT) : null;
        long t0 = System.nanoTime();
        ScanStats stats = new ScanStats();
        AtomicLong found = new AtomicLong();
        try (HistorySource source = new HistorySource(repo, List.of(),
                new SourceOptions(SourceOptions.DEFAULT_MAX_FILE_SIZE, threads))) {
            source.scan(blob -> {
                found.addAndGet(detector != null ? detector.detect(blob).size() : blob.bytes().length);
            }, stats);
        }
        long ms = (System.nanoTime() - t0) / 1_000_000;
        System.err.printf("keyhound-history (%s): %d ms, refs=%d commits=%d blobs=%d/%d bytes=%d (expected %d) "
                        + "binary=%d tooLarge=%d missing=%d unreadable=%d %s=%d%n",
                engine ? "engine, built-in rules" : "no detector", ms, stats.refs.get(), stats.commits.get(),
                stats.blobsScanned.get(), stats.expectedBlobs.get(), stats.bytesScanned.get(),
                stats.expectedBytes.get(), stats.skippedBinary.get(), stats.skippedTooLarge.get(),
                stats.skippedMissing.get(), stats.unreadable.get(), engine ? "credentials" : "delivered", found.get());
        for (String w : stats.warnings()) {
            System.err.println("warning: " + w);
        }
    }
}
