package dev.keyhound.cli;

import dev.keyhound.detect.Credential;
import dev.keyhound.detect.DeltaDetector;
import dev.keyhound.detect.Detector;
import dev.keyhound.detect.Engine;
import dev.keyhound.detect.EngineOptions;
import dev.keyhound.finding.Baseline;
import dev.keyhound.finding.Finding;
import dev.keyhound.finding.FindingCollector;
import dev.keyhound.finding.IgnoreFile;
import dev.keyhound.finding.Suppressions;
import dev.keyhound.report.ScanReport;
import dev.keyhound.report.ScanSummaries;
import dev.keyhound.report.ScanSummary;
import dev.keyhound.rules.RuleSet;
import dev.keyhound.source.Blob;
import dev.keyhound.source.BlobSink;
import dev.keyhound.source.ScanStats;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * One scan, start to end: source -> engine -> collector -> suppression -> summary. The caller
 * chooses what to do with the {@link ScanReport} (write reports, write a baseline).
 */
public final class ScanPipeline {
    /** How many places per finding the collector keeps (the count is always exact). */
    static final int LOCATION_CAP = 20;

    private final PrintStream err;

    public ScanPipeline(PrintStream err) {
        this.err = err;
    }

    /** Runs the scan and closes the target's source, whatever happens. */
    public ScanReport run(Target target, RuleSet rules, ScanSettings settings) throws IOException {
        try (var source = target.source()) {
            return scan(target, rules, settings);
        }
    }

    private ScanReport scan(Target target, RuleSet rules, ScanSettings settings) throws IOException {
        IgnoreFile ignore = loadIgnoreFile(target, settings);
        Baseline baseline = loadBaseline(settings.baseline());

        long start = System.nanoTime();
        ScanStats stats = new ScanStats();
        // Inline-allowed credentials are always kept so the summary can count them. The Hyperscan
        // gate pays for its start-up only on a history scan; a staged scan must start at once.
        Engine engine = new Engine(rules, new EngineOptions(true, "history".equals(target.mode())));
        Detector detector = new DeltaDetector(engine);
        FindingCollector collector = new FindingCollector(LOCATION_CAP);
        // The gate's regex databases compile on the second core while the source walks the
        // history; once blobs come, the scan threads compile the rest themselves.
        Runnable stopCompiling = engine.compileAhead();
        try (Progress ignored = new Progress(stats, err, settings.progress())) {
            target.source().scan(new BlobSink() {
                @Override
                public void accept(Blob blob) {
                    stopCompiling.run();
                    detectInto(detector, collector, blob, stats);
                }

                @Override
                public boolean wants(String path) {
                    return detector.readsPath(path);
                }
            }, stats);
        } finally {
            stopCompiling.run();
        }
        List<Finding> all = collector.findings(target.provenanceLookup());

        Suppressions.Outcome outcome = Suppressions.apply(all, ignore, baseline, settings.showSuppressed());
        long millis = (System.nanoTime() - start) / 1_000_000;
        ScanSummary summary = ScanSummaries.of(target.source().describe(), target.mode(), stats, outcome, ignore, millis);
        return new ScanReport(outcome.findings(), summary, rules);
    }

    /** A blob that breaks detection is reported and skipped, never fatal to the scan. */
    private static void detectInto(Detector detector, FindingCollector collector, Blob blob, ScanStats stats) {
        List<Credential> credentials;
        try {
            credentials = detector.detect(blob);
        } catch (RuntimeException | StackOverflowError e) {
            stats.unreadable.incrementAndGet();
            stats.warn(blob.origin().path() + ": detection failed and the blob was skipped: " + e);
            return;
        }
        if (!credentials.isEmpty()) {
            collector.add(blob, credentials);
        }
    }

    private static IgnoreFile loadIgnoreFile(Target target, ScanSettings settings) {
        Path file = settings.ignoreFile() != null ? settings.ignoreFile()
                : target.root().resolve(ScanSettings.DEFAULT_IGNORE_FILE);
        if (settings.ignoreFile() != null && !Files.isRegularFile(file)) {
            throw new UsageException("--ignore-file: no such file: " + file);
        }
        try {
            return IgnoreFile.load(file);
        } catch (IOException e) {
            throw new UsageException("bad ignore file: " + e.getMessage(), e);
        }
    }

    private static Baseline loadBaseline(Path file) {
        if (file == null) {
            return null;
        }
        if (!Files.isRegularFile(file)) {
            throw new UsageException("--baseline: no such file: " + file);
        }
        try {
            return Baseline.load(file);
        } catch (IOException e) {
            throw new UsageException("bad baseline " + file + ": " + e.getMessage(), e);
        }
    }

    static String closingLine(ScanSummary s) {
        return String.format(Locale.ROOT, "keyhound: %d finding%s%s in %s%,d blobs (%.1f MB, %,d skipped) in %.1f s",
                s.findings(), s.findings() == 1 ? "" : "s",
                s.suppressed() > 0 ? " (" + s.suppressed() + " suppressed)" : "",
                s.refs() + s.commits() > 0 ? String.format(Locale.ROOT, "%,d refs, %,d commits, ", s.refs(), s.commits()) : "",
                s.blobs(), s.bytes() / (1024.0 * 1024.0), s.skipped(), s.millis() / 1000.0);
    }
}
