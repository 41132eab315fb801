package dev.keyhound.report;

import dev.keyhound.detect.Credential;
import dev.keyhound.finding.Finding;
import dev.keyhound.finding.FindingCollector;
import dev.keyhound.finding.Fingerprint;
import dev.keyhound.finding.Fixtures;
import dev.keyhound.source.Blob;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * Manual benchmark (not a test): the cost of collecting and reporting, as ratios to a baseline
 * measured in the same run on the same machine.
 * <pre>
 * java -cp target/classes:target/test-classes:$(cat cp.txt) dev.keyhound.report.ReportBench
 * </pre>
 * - collector: add() of N occurrences from all cores, then findings(), against computing the
 *   N fingerprints alone (the least any grouping must do);
 * - SARIF: writing F findings, against the JSON report of the same findings.
 */
public final class ReportBench {
    public static void main(String[] args) throws Exception {
        int occurrences = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int distinct = args.length > 1 ? Integer.parseInt(args[1]) : 25_000;
        Random rnd = new Random(7);
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < distinct; i++) {
            tokens.add(Fixtures.alnum(rnd, 40));
        }
        List<Blob> blobs = new ArrayList<>();
        List<List<Credential>> creds = new ArrayList<>();
        for (int i = 0; i < occurrences; i++) {
            blobs.add(Fixtures.gitBlob("dir" + (i % 97) + "/file" + (i % 1013) + ".env", Fixtures.hex40(rnd)));
            creds.add(List.of(Fixtures.token(tokens.get(i % distinct), 1 + i % 200)));
        }
        for (int round = 0; round < 3; round++) {
            long t0 = System.nanoTime();
            long sink = IntStream.range(0, occurrences).parallel()
                    .mapToLong(i -> Fingerprint.of(creds.get(i).get(0)).hashCode()).sum();
            long t1 = System.nanoTime();
            FindingCollector c = new FindingCollector(100);
            IntStream.range(0, occurrences).parallel().forEach(i -> c.add(blobs.get(i), creds.get(i)));
            List<Finding> findings = c.findings(null);
            long t2 = System.nanoTime();
            ScanReport report = new ScanReport(findings, ReportFixtures.sample(rnd).report.summary(), Fixtures.rules());
            ByteArrayOutputStream json = new ByteArrayOutputStream();
            ReportWriter.of(ReportFormat.JSON).write(report, ReportFixtures.defaults(), json);
            long t3 = System.nanoTime();
            ByteArrayOutputStream sarif = new ByteArrayOutputStream();
            ReportWriter.of(ReportFormat.SARIF).write(report, ReportFixtures.defaults(), sarif);
            long t4 = System.nanoTime();
            System.out.printf("round %d: %,d occurrences -> %,d findings (%d)%n", round, occurrences, findings.size(), sink & 1);
            System.out.printf("  fingerprints only %6d ms | collector %6d ms | ratio %.2f%n",
                    (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, (t2 - t1) / (double) (t1 - t0));
            System.out.printf("  JSON report %6d ms (%,d bytes) | SARIF %6d ms (%,d bytes) | ratio %.2f%n",
                    (t3 - t2) / 1_000_000, json.size(), (t4 - t3) / 1_000_000, sarif.size(),
                    (t4 - t3) / (double) (t3 - t2));
        }
    }
}
