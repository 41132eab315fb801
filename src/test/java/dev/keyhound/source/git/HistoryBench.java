package dev.keyhound.source.git;

import dev.keyhound.detect.DeltaDetector;
import dev.keyhound.detect.Detector;
import dev.keyhound.detect.Engine;
import dev.keyhound.detect.EngineOptions;
import dev.keyhound.rules.RuleSet;
import dev.keyhound.source.ScanStats;
import dev.keyhound.source.SourceOptions;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Benchmark main for bench/history.sh: a full-history scan of REPO. With "--engine" every blob
 * goes through the real detection Engine with the built-in rules; without it the sink only sums
 * the blob lengths, so the figure measures the git source alone (as cat-file > /dev/null measures
 * git's object reading alone).
 * "--provenance" also times the provenance lookup for ten of the blobs.
 * "--no-gate" turns the Hyperscan gate off (RE2/J reads every window). "--whole" reads every blob whole (no delta-incremental detection); "--dump FILE" writes every
 * blob's credentials, sorted, so the two ways can be compared.
 * Usage: HistoryBench REPO [threads] [--engine [--whole] [--no-gate] [--dump FILE]] [--provenance]
 */
public final class HistoryBench {
    private HistoryBench() {
    }

    public static void main(String[] args) throws Exception {
        Path repo = Path.of(args[0]);
        int threads = args.length > 1 && !args[1].startsWith("--") ? Integer.parseInt(args[1])
                : Runtime.getRuntime().availableProcessors();
        boolean engine = List.of(args).contains("--engine");
        boolean provenance = List.of(args).contains("--provenance");
        // --whole: every blob read whole, the way it was before deltas were read incrementally
        Engine plain = engine ? new Engine(RuleSet.builtIn(), new EngineOptions(true, !List.of(args).contains("--no-gate"))) : null;
        Detector detector = !engine ? null : List.of(args).contains("--whole") ? plain : new DeltaDetector(plain);
        // --dump FILE: every blob's credentials, sorted, to compare the two ways
        int dumpAt = List.of(args).indexOf("--dump");
        java.util.concurrent.ConcurrentSkipListSet<String> dump = new java.util.concurrent.ConcurrentSkipListSet<>();
        long t0 = System.nanoTime();
        ScanStats stats = new ScanStats();
        AtomicLong found = new AtomicLong();
        Set<String> sample = ConcurrentHashMap.newKeySet();
        try (HistorySource source = new HistorySource(repo, List.of(),
                new SourceOptions(SourceOptions.DEFAULT_MAX_FILE_SIZE, threads))) {
            source.scan(blob -> {
                if (detector == null) {
                    found.addAndGet(blob.bytes().length);
                    return;
                }
                List<dev.keyhound.detect.Credential> creds = detector.detect(blob);
                found.addAndGet(creds.size());
                if (dumpAt >= 0) {
                    for (dev.keyhound.detect.Credential c : creds) {
                        dump.add(blob.origin().blobId() + " " + blob.origin().path() + " " + c);
                    }
                }
                if (provenance && sample.size() < 10) {
                    sample.add(blob.origin().blobId());
                }
            }, stats);
            if (provenance) {
                // What a scan with findings in 10 blobs pays on top: the provenance lookup.
                long p0 = System.nanoTime();
                int intros = source.provenance().introductions(sample).values().stream().mapToInt(List::size).sum();
                int inHead = source.provenance().presentInHead(sample).size();
                System.err.printf("provenance of %d blobs: %d ms, %d introductions, %d in HEAD%n", sample.size(),
                        (System.nanoTime() - p0) / 1_000_000, intros, inHead);
            }
        }
        long ms = (System.nanoTime() - t0) / 1_000_000;
        System.err.printf("keyhound-history (%s): %d ms, refs=%d commits=%d blobs=%d/%d bytes=%d (expected %d) "
                        + "binary=%d tooLarge=%d missing=%d unreadable=%d %s=%d%n",
                engine ? "engine, built-in rules" : "no detector", ms, stats.refs.get(), stats.commits.get(),
                stats.blobsScanned.get(), stats.expectedBlobs.get(), stats.bytesScanned.get(),
                stats.expectedBytes.get(), stats.skippedBinary.get(), stats.skippedTooLarge.get(),
                stats.skippedMissing.get(), stats.unreadable.get(), engine ? "credentials" : "delivered", found.get());
        if (detector instanceof DeltaDetector d) {
            System.err.printf("delta detection: %d blobs read in part, %d whole%n", d.readInPart(), d.readWhole());
        }
        if (dumpAt >= 0) {
            java.nio.file.Files.write(Path.of(args[dumpAt + 1]), dump);
        }
        for (String w : stats.warnings()) {
            System.err.println("warning: " + w);
        }
    }
}
