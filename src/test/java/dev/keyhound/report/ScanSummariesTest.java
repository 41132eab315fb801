package dev.keyhound.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.keyhound.finding.Finding;
import dev.keyhound.finding.FindingCollector;
import dev.keyhound.finding.Fingerprint;
import dev.keyhound.finding.Fixtures;
import dev.keyhound.finding.IgnoreFile;
import dev.keyhound.finding.Suppressions;
import dev.keyhound.source.ScanStats;
import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScanSummariesTest {
    @TempDir
    Path dir;

    @Test
    void countsLiveAndSuppressedAndListsUnusedIgnores() throws IOException {
        Random rnd = new Random(new SecureRandom().nextLong());
        String a = Fixtures.alnum(rnd, 40);
        String b = Fixtures.alnum(rnd, 40);
        FindingCollector c = new FindingCollector(3);
        c.add(Fixtures.file("x"), List.of(Fixtures.token(a, 1), Fixtures.token(b, 2)));
        List<Finding> fs = c.findings(null);
        Path ig = dir.resolve(".keyhoundignore");
        IgnoreFile.append(ig, Fingerprint.of(Fixtures.TOKEN_RULE, b), "test");
        String stale = Fingerprint.of("x", a);
        IgnoreFile.append(ig, stale, "stale");
        IgnoreFile ignore = IgnoreFile.load(ig);
        Suppressions.Outcome out = Suppressions.apply(fs, ignore, null, true);

        ScanStats stats = new ScanStats();
        stats.blobsScanned.set(9);
        stats.bytesScanned.set(900);
        stats.commits.set(4);
        stats.warn("w1");
        ScanSummary s = ScanSummaries.of("repo", "history", stats, out, ignore, 12);
        assertEquals(1, s.findings());
        assertEquals(1, s.suppressed());
        assertEquals(List.of(stale), s.unusedIgnores());
        assertEquals(List.of("w1"), s.warnings());
        assertEquals(9, s.blobs());
        assertEquals(4, s.commits());
        assertEquals("history", s.mode());
    }
}
