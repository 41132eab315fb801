package dev.keyhound.bench;

import dev.keyhound.detect.Credential;
import dev.keyhound.detect.Engine;
import dev.keyhound.detect.EngineOptions;
import dev.keyhound.rules.RuleSet;
import dev.keyhound.source.DirectorySource;
import dev.keyhound.source.ScanStats;
import dev.keyhound.source.SourceOptions;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Benchmark harness for bench/dirscan.sh: the real DirectorySource and Engine over a directory,
 * timed after warm-up runs (JIT, page cache). Prints one "keyhound ..." line with MB/s.
 *
 * <p>Usage: DirScanBench DIR [threads] [runs] [rules-dir-or-config]. A directory replaces the
 * built-in rules (--rules); a .toml file is added to them (--config).
 */
public final class DirScanBench {
    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        RuleSet rules = RuleSet.builtIn();
        if (args.length > 3) {
            Path r = Path.of(args[3]);
            rules = r.toString().endsWith(".toml") ? rules.withConfig(r) : RuleSet.fromDirectory(r);
        }
        Engine engine = new Engine(rules, EngineOptions.DEFAULT);
        double best = Double.MAX_VALUE;
        long bytes = 0;
        long found = 0;
        for (int run = 0; run < runs; run++) {
            ScanStats stats = new ScanStats();
            AtomicLong credentials = new AtomicLong();
            long t0 = System.nanoTime();
            new DirectorySource(List.of(dir), new SourceOptions(SourceOptions.DEFAULT_MAX_FILE_SIZE, threads))
                    .scan(blob -> {
                        List<Credential> cs = engine.detect(blob);
                        credentials.addAndGet(cs.size());
                    }, stats);
            double secs = (System.nanoTime() - t0) / 1e9;
            best = Math.min(best, secs);
            bytes = stats.bytesScanned.get();
            found = credentials.get();
            System.err.printf("run %d: %.3f s, %d files, %d bytes, %d binary, %d too large, %d findings%n", run + 1, secs,
                    stats.blobsScanned.get(), bytes, stats.skippedBinary.get(), stats.skippedTooLarge.get(), found);
        }
        System.out.printf("keyhound rules=%d threads=%d bytes=%d best=%.3fs MB/s=%.1f findings=%d%n",
                rules.rules().size(), threads, bytes, best, bytes / 1e6 / best, found);
    }
}
