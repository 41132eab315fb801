package dev.keyhound.source.git;

import dev.keyhound.testing.TestRepo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keyhound.finding.Provenance;
import dev.keyhound.source.BadTargetException;
import dev.keyhound.source.Blob;
import dev.keyhound.source.Origin;
import dev.keyhound.source.ScanStats;
import dev.keyhound.source.SourceOptions;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.eclipse.jgit.api.MergeResult;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RangeSourceTest {
    private static final SourceOptions TWO_THREADS = new SourceOptions(SourceOptions.DEFAULT_MAX_FILE_SIZE, 2);

    @TempDir
    Path tmp;
    private final Random random = new Random();

    private static BitSet lines(int... numbers) {
        BitSet set = new BitSet();
        for (int n : numbers) {
            set.set(n);
        }
        return set;
    }

    private record Scan(List<Blob> blobs, ScanStats stats, RangeSource source) {
        Blob of(RevCommit c, String path) {
            List<Blob> hits = blobs.stream()
                    .filter(b -> b.origin().commitId().equals(c.name()) && b.origin().path().equals(path)).toList();
            assertEquals(1, hits.size(), c.getShortMessage() + " " + path + ": " + blobs);
            return hits.get(0);
        }
    }

    private static Scan scan(Path dir, String range) throws Exception {
        TestRepo.Collected sink = new TestRepo.Collected();
        ScanStats stats = new ScanStats();
        RangeSource source = new RangeSource(dir, range, TWO_THREADS);
        source.scan(sink, stats);
        return new Scan(sink.blobs, stats, source);
    }

    @Test
    void eachCommitInTheRangeReportsTheLinesItAdds() throws Exception {
        String secret = TestRepo.token(random);
        RevCommit base;
        RevCommit leak;
        RevCommit again;
        try (TestRepo repo = TestRepo.init(tmp.resolve("r"))) {
            base = repo.write("x.txt", "1\n2\n").write("y.txt", "y\n").commit("base");
            leak = repo.write("x.txt", "1\n2\nk=" + secret + "\n").commit("leak");
            again = repo.write("y.txt", "y\nk=" + secret + "\n").delete("x.txt").commit("again");
        }
        Scan scan = scan(tmp.resolve("r"), base.name() + "..HEAD");
        assertEquals(2, scan.blobs.size(), scan.blobs.toString());
        Blob first = scan.of(leak, "x.txt");
        assertEquals(lines(3), first.reportLines());
        assertEquals(Origin.Kind.GIT_RANGE, first.origin().kind());
        assertEquals(lines(2), scan.of(again, "y.txt").reportLines());
        assertEquals(2, scan.stats.commits.get());

        String id = first.origin().blobId();
        assertEquals(List.of(new Provenance(leak.name(), "Ada Author", "ada@example.com",
                        leak.getAuthorIdent().getWhenAsInstant(), "x.txt")),
                scan.source.provenance().introductions(Set.of(id)).get(id));
        assertEquals(Set.of(), scan.source.provenance().presentInHead(Set.of(id)));

        Scan since = scan(tmp.resolve("r"), leak.name());
        assertEquals(List.of("y.txt"), since.blobs.stream().map(b -> b.origin().path()).toList());
        Scan all = scan(tmp.resolve("r"), "HEAD~2..HEAD");
        assertEquals(2, all.blobs.size());
    }

    @Test
    void rootCommitReportsEveryLine() throws Exception {
        RevCommit root;
        RevCommit second;
        try (TestRepo repo = TestRepo.init(tmp.resolve("r"))) {
            root = repo.write("a.txt", "a\n").commit("root");
            second = repo.write("a.txt", "a\nb\n").commit("second");
            repo.git.checkout().setOrphan(true).setName("unrelated").call();
            repo.write("z.txt", "z\n").commit("unrelated root");
        }
        // Like git log unrelated..main: both commits of main, the root one included.
        Scan scan = scan(tmp.resolve("r"), "unrelated..main");
        assertEquals(2, scan.blobs.size(), scan.blobs.toString());
        assertNull(scan.of(root, "a.txt").reportLines(), "a root commit adds every line");
        assertEquals(lines(2), scan.of(second, "a.txt").reportLines());
        assertTrue(scan(tmp.resolve("r"), "main..main").blobs.isEmpty());
    }

    @Test
    void aFileMovedUnchangedAddsNoLine() throws Exception {
        String secret = TestRepo.token(random);
        RevCommit base;
        RevCommit move;
        try (TestRepo repo = TestRepo.init(tmp.resolve("r"))) {
            base = repo.write("a.txt", "k=" + secret + "\n").write("b.txt", "b\n").commit("base");
            move = repo.delete("a.txt").write("moved/a.txt", "k=" + secret + "\n")
                    .write("b.txt", "b\nmore\n").write("c.txt", "c\n").commit("move a, edit b, add c");
        }
        Scan scan = scan(tmp.resolve("r"), base.name() + "..HEAD");
        assertEquals(List.of("b.txt", "c.txt"), scan.blobs.stream().map(b -> b.origin().path()).sorted().toList());
        assertEquals(lines(2), scan.of(move, "b.txt").reportLines());
        assertNull(scan.of(move, "c.txt").reportLines(), "a new file adds every line");
    }

    @Test
    void mergeCommitReportsOnlyLinesNewAgainstEveryParent() throws Exception {
        String resolution = TestRepo.token(random);
        RevCommit base;
        RevCommit mainSide;
        RevCommit merge;
        try (TestRepo repo = TestRepo.init(tmp.resolve("r"))) {
            base = repo.write("f.txt", "a\nb\nc\nd\ne\n").write("g.txt", "g\n").commit("base");
            repo.git.branchCreate().setName("side").call();
            mainSide = repo.write("f.txt", "A\nb\nc\nd\ne\n").commit("main edits line 1");
            repo.git.checkout().setName("side").call();
            RevCommit side = repo.write("f.txt", "a\nb\nc\nd\nE\n").write("g.txt", "g\nside\n").commit("side edits line 5");
            repo.git.checkout().setName("main").call();
            MergeResult result = repo.git.merge().include(side).setCommit(false).call();
            assertTrue(result.getMergeStatus().isSuccessful(), result.toString());
            // The merge also writes a line of its own, as a conflict resolution would.
            repo.write("f.txt", "A\nb\nk=" + resolution + "\nc\nd\nE\n");
            merge = repo.commit("merge side");
        }
        Scan scan = scan(tmp.resolve("r"), base.name() + "..main");
        assertEquals(3, scan.stats.commits.get());
        Blob merged = scan.of(merge, "f.txt");
        assertEquals(lines(3), merged.reportLines(), "A comes from main, E from side: only line 3 is new");
        assertTrue(scan.blobs.stream().noneMatch(b -> b.origin().commitId().equals(merge.name())
                && b.origin().path().equals("g.txt")), "g.txt equals the side's version");
        assertEquals(lines(1), scan.of(mainSide, "f.txt").reportLines());
    }

    @Test
    void badRangesAreBadTargets() throws Exception {
        try (TestRepo repo = TestRepo.init(tmp.resolve("r"))) {
            repo.write("a.txt", "a\n").commit("one");
        }
        for (String bad : List.of("nope..HEAD", "HEAD..nope", "nope", "a...b", "")) {
            BadTargetException e = assertThrows(BadTargetException.class,
                    () -> new RangeSource(tmp.resolve("r"), bad, TWO_THREADS), bad);
            assertTrue(!e.getMessage().contains("\n"));
        }
        TestRepo.init(tmp.resolve("empty")).close();
        assertThrows(BadTargetException.class, () -> new RangeSource(tmp.resolve("empty"), "HEAD", TWO_THREADS));
    }
}
