package dev.keyhound.source.git;

import dev.keyhound.testing.TestRepo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keyhound.finding.Provenance;
import dev.keyhound.source.BadTargetException;
import dev.keyhound.source.Blob;
import dev.keyhound.source.Origin;
import dev.keyhound.source.ScanStats;
import dev.keyhound.source.SourceOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.ObjectWalk;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HistorySourceTest {
    private static final SourceOptions TWO_THREADS = new SourceOptions(SourceOptions.DEFAULT_MAX_FILE_SIZE, 2);

    @TempDir
    Path tmp;
    private final Random random = new Random();

    private record Scan(TestRepo.Collected sink, ScanStats stats, HistorySource source) {
    }

    private static Scan scan(Path repo, List<String> branches, SourceOptions options) throws IOException {
        return scan(repo, branches, options, true);
    }

    /** @param totals whether the scan is asked for its total bytes up front (what the progress line does) */
    private static Scan scan(Path repo, List<String> branches, SourceOptions options, boolean totals) throws IOException {
        return scan(repo, branches, options, totals, new TestRepo.Collected());
    }

    private static Scan scan(Path repo, List<String> branches, SourceOptions options, boolean totals,
                             TestRepo.Collected sink) throws IOException {
        ScanStats stats = new ScanStats();
        if (totals) {
            stats.wantTotals();
        }
        HistorySource source = new HistorySource(repo, branches, options);
        source.scan(sink, stats);
        return new Scan(sink, stats, source);
    }

    private static Scan scan(Path repo) throws IOException {
        return scan(repo, List.of(), TWO_THREADS);
    }

    /** Every blob reachable from every ref, by JGit's own ObjectWalk: the oracle for "each unique blob once". */
    private static Set<String> reachableBlobs(Path dir) throws Exception {
        Set<String> blobs = new HashSet<>();
        try (Git git = Git.open(dir.toFile()); ObjectWalk walk = new ObjectWalk(git.getRepository())) {
            for (Ref ref : git.getRepository().getRefDatabase().getRefs()) {
                walk.markStart(walk.parseAny(ref.getObjectId()));
            }
            while (walk.next() != null) {
                // commits only drive the walk
            }
            RevObject o;
            while ((o = walk.nextObject()) != null) {
                if (o.getType() == Constants.OBJ_BLOB) {
                    blobs.add(o.name());
                }
            }
        }
        return blobs;
    }

    private static void assertEachReachableBlobOnce(Scan scan, Path dir) throws Exception {
        List<String> ids = scan.sink.blobIds();
        assertEquals(new HashSet<>(ids).size(), ids.size(), "a blob was delivered twice: " + ids);
        assertEquals(reachableBlobs(dir), new HashSet<>(ids));
        assertEquals(ids.size(), scan.stats.blobsScanned.get());
        assertEquals(ids.size(), scan.stats.expectedBlobs.get());
        long bytes = scan.sink.blobs.stream().mapToLong(b -> b.bytes().length).sum();
        assertEquals(bytes, scan.stats.bytesScanned.get());
        assertEquals(bytes, scan.stats.expectedBytes.get());
        for (Blob b : scan.sink.blobs) {
            assertEquals(Origin.Kind.GIT_HISTORY, b.origin().kind());
            assertNull(b.reportLines());
            assertEquals(b.origin().blobId(), blobId(b.bytes()));
        }
    }

    private static String blobId(byte[] bytes) {
        return new org.eclipse.jgit.lib.ObjectInserter.Formatter().idFor(Constants.OBJ_BLOB, bytes).name();
    }

    private static Provenance intro(RevCommit c, String path) {
        return new Provenance(c.name(), "Ada Author", "ada@example.com", c.getAuthorIdent().getWhenAsInstant(), path);
    }

    @Test
    void secretAddedThenDeletedIsFoundWithTheCommitThatAddedItAndIsNotInHead() throws Exception {
        String secret = TestRepo.token(random);
        RevCommit added;
        try (TestRepo repo = TestRepo.init(tmp.resolve("r"))) {
            repo.write("README.md", "hello\n").commit("first");
            added = repo.write("config/app.env", "A=1\nTOKEN=" + secret + "\n").commit("add config");
            repo.write("config/app.env", "A=1\n").commit("remove the token");
        }
        Scan scan = scan(tmp.resolve("r"));
        assertEachReachableBlobOnce(scan, tmp.resolve("r"));
        List<Blob> found = scan.sink.containing(secret);
        assertEquals(1, found.size());
        Blob leak = found.get(0);
        assertEquals("config/app.env", leak.origin().path());
        String id = leak.origin().blobId();
        assertEquals(Map.of(id, List.of(intro(added, "config/app.env"))),
                scan.source.provenance().introductions(Set.of(id)));
        assertEquals(Set.of(), scan.source.provenance().presentInHead(Set.of(id)));
        assertEquals(3, scan.stats.commits.get());
    }

    /**
     * The first path of every blob does not depend on how many threads read the packs, on a
     * history that copies and moves the same contents between directories and shares unchanged
     * subtrees.
     */
    @Test
    void everyBlobHasTheSameFirstPathWhateverTheThreads() throws Exception {
        Random rnd = new Random(random.nextLong());
        String[] dirs = {"a", "b/c", "d", "b"};
        try (TestRepo repo = TestRepo.init(tmp.resolve("r"))) {
            repo.randomHistory(rnd, dirs, 60);
        }
        java.util.Map<String, String> one = new java.util.TreeMap<>();
        java.util.Map<String, String> two = new java.util.TreeMap<>();
        for (Blob b : scan(tmp.resolve("r"), List.of(), new SourceOptions(SourceOptions.DEFAULT_MAX_FILE_SIZE, 1)).sink.blobs) {
            one.put(b.origin().blobId(), b.origin().path());
        }
        for (Blob b : scan(tmp.resolve("r")).sink.blobs) {
            two.put(b.origin().blobId(), b.origin().path());
        }
        assertTrue(one.size() > 5, "blobs: " + one.size());
        assertEquals(one, two);
    }

    @Test
    void renameAfterTheLeakGivesTwoIntroductionsAndTheBlobIsStillInHead() throws Exception {
        String secret = TestRepo.token(random);
        RevCommit leaked;
        RevCommit renamed;
        try (TestRepo repo = TestRepo.init(tmp.resolve("r"))) {
            leaked = repo.write("old/keys.txt", "key=" + secret + "\n").commit("leak");
            renamed = repo.delete("old/keys.txt").write("new/keys.txt", "key=" + secret + "\n").commit("move");
        }
        Scan scan = scan(tmp.resolve("r"));
        assertEachReachableBlobOnce(scan, tmp.resolve("r"));
        Blob leak = scan.sink.containing(secret).get(0);
        assertEquals("old/keys.txt", leak.origin().path(), "the first path seen is the oldest");
        String id = leak.origin().blobId();
        assertEquals(List.of(intro(leaked, "old/keys.txt"), intro(renamed, "new/keys.txt")),
                scan.source.provenance().introductions(Set.of(id)).get(id));
        assertEquals(Set.of(id), scan.source.provenance().presentInHead(Set.of(id, ObjectId.zeroId().name())));
    }

    @Test
    void sameSecretInTwoFilesAndOnBranchesTagsMergesAndTheStashIsReadOnceEach() throws Exception {
        String secret = TestRepo.token(random);
        String onBranch = TestRepo.token(random);
        String onTag = TestRepo.token(random);
        String inStash = TestRepo.token(random);
        RevCommit first;
        RevCommit branchCommit;
        try (TestRepo repo = TestRepo.init(tmp.resolve("r"))) {
            first = repo.write("a.txt", "s=" + secret + "\n").write("copy/a.txt", "s=" + secret + "\n")
                    .write("b.txt", "other s=" + secret + "\n").commit("two files");
            repo.git.branchCreate().setName("feature").call();
            repo.git.checkout().setName("feature").call();
            branchCommit = repo.write("feature.txt", "f=" + onBranch + "\n").commit("feature work");
            repo.git.checkout().setName("main").call();
            repo.write("main.txt", "main side\n").commit("main work");
            repo.git.merge().include(branchCommit).setMessage("merge").setCommit(true).call();
            repo.git.checkout().setName("tagged").setCreateBranch(true).setStartPoint(first).call();
            RevCommit tagged = repo.write("tag.txt", "t=" + onTag + "\n").commit("tagged only");
            repo.git.tag().setName("v1").setObjectId(tagged).setAnnotated(true).setMessage("v1")
                    .setTagger(TestRepo.author(50)).call();
            repo.git.checkout().setName("main").call();
            repo.git.branchDelete().setBranchNames("tagged").setForce(true).call();
            repo.write("main.txt", "stashed " + inStash + "\n");
            repo.git.stashCreate().setPerson(TestRepo.author(60)).call();
        }
        Scan scan = scan(tmp.resolve("r"));
        assertEachReachableBlobOnce(scan, tmp.resolve("r"));
        List<Blob> same = scan.sink.containing(secret);
        assertEquals(2, same.size(), "a.txt and copy/a.txt share one blob; b.txt is another");
        String shared = scan.sink.containing("s=" + secret + "\n").stream()
                .filter(b -> b.bytes().length == ("s=" + secret + "\n").length()).findFirst().orElseThrow()
                .origin().blobId();
        assertEquals(List.of(intro(first, "a.txt"), intro(first, "copy/a.txt")),
                scan.source.provenance().introductions(Set.of(shared)).get(shared));
        assertEquals(1, scan.sink.containing(onBranch).size());
        String branchBlob = scan.sink.containing(onBranch).get(0).origin().blobId();
        assertEquals(List.of(intro(branchCommit, "feature.txt")),
                scan.source.provenance().introductions(Set.of(branchBlob)).get(branchBlob),
                "the merge brings it from a parent: not an introduction");
        assertEquals(Set.of(branchBlob), scan.source.provenance().presentInHead(Set.of(branchBlob)));
        assertEquals(1, scan.sink.containing(onTag).size());
        assertEquals(1, scan.sink.containing(inStash).size());
        assertTrue(scan.stats.refs.get() >= 4, "main, feature, v1, stash: " + scan.stats.refs.get());

        Scan featureOnly = scan(tmp.resolve("r"), List.of("feature"), TWO_THREADS);
        assertEquals(1, featureOnly.sink.containing(onBranch).size());
        assertTrue(featureOnly.sink.containing(onTag).isEmpty());
        assertTrue(featureOnly.sink.containing(inStash).isEmpty());
        assertEquals(1, featureOnly.stats.refs.get());
    }

    @Test
    void packedRepositoryWithDeltaChainsGivesTheSameBlobsAsTheLooseOne() throws Exception {
        String secret = TestRepo.token(random);
        StringBuilder text = new StringBuilder();
        try (TestRepo repo = TestRepo.init(tmp.resolve("r"))) {
            for (int i = 0; i < 300; i++) {
                text.append("line ").append(i).append(" of a file that grows, so git stores deltas\n");
            }
            repo.write("big.txt", text.toString()).write("other.txt", text.toString().toUpperCase()).commit("start");
            for (int round = 0; round < 30; round++) {
                text.insert(text.length() / 2, "inserted in round " + round + (round == 7 ? " k=" + secret : "") + "\n");
                repo.write("big.txt", text.toString());
                if (round % 3 == 0) {
                    repo.write("other.txt", text.toString().toUpperCase());
                }
                if (round % 10 == 0) {
                    Files.write(repo.dir.resolve("blob" + round + ".bin"), new byte[] {0, 1, (byte) round});
                }
                repo.commit("round " + round);
            }
            repo.write("dir/later.txt", "later\n").commit("loose after the pack");
            repo.git.gc().setAggressive(true).call();
            repo.write("dir/loose.txt", "loose " + secret + "\n").commit("a loose object next to the pack");
        }
        try (var dirs = Files.list(tmp.resolve("r/.git/objects/pack"))) {
            assertTrue(dirs.anyMatch(p -> p.toString().endsWith(".pack")), "gc wrote a pack");
        }
        Scan scan = scan(tmp.resolve("r"));
        // Every blob's bytes hash to its id (checked inside), delta-resolved ones included.
        assertEquals(3, scan.stats.skippedBinary.get());
        List<String> ids = scan.sink.blobIds();
        assertEquals(new HashSet<>(ids).size(), ids.size());
        Set<String> textBlobs = reachableBlobs(tmp.resolve("r"));
        assertEquals(textBlobs.size(), ids.size() + 3);
        for (Blob b : scan.sink.blobs) {
            assertEquals(b.origin().blobId(), blobId(b.bytes()));
        }
        assertEquals(2, scan.sink.containing(secret).size());
        assertEquals(scan.stats.bytesScanned.get() + 3 * 3, scan.stats.expectedBytes.get(), "the binary blobs are 3 bytes each");
        // Unasked, the total bytes stay unknown, and nothing else changes.
        Scan unmeasured = scan(tmp.resolve("r"), List.of(), TWO_THREADS, false);
        assertEquals(-1, unmeasured.stats.expectedBytes.get());
        assertEquals(ids.size() + 3, unmeasured.stats.expectedBlobs.get());
        assertEquals(new HashSet<>(ids), new HashSet<>(unmeasured.sink.blobIds()));
        assertEquals(scan.stats.bytesScanned.get(), unmeasured.stats.bytesScanned.get());
        assertEquals(3, unmeasured.stats.skippedBinary.get());
    }

    @Test
    void binaryAndOversizedBlobsAreSkippedAndCounted() throws Exception {
        try (TestRepo repo = TestRepo.init(tmp.resolve("r"))) {
            repo.write("small.txt", "small\n").write("big.txt", "x".repeat(5000) + "\n");
            Files.write(repo.dir.resolve("image.bin"), new byte[] {1, 2, 0, 3});
            repo.commit("files");
        }
        Scan scan = scan(tmp.resolve("r"), List.of(), new SourceOptions(1000, 1));
        assertEquals(List.of("small.txt"), scan.sink.blobs.stream().map(b -> b.origin().path()).toList());
        assertEquals(1, scan.stats.skippedBinary.get());
        assertEquals(1, scan.stats.skippedTooLarge.get());
        assertEquals(3, scan.stats.expectedBlobs.get());
    }

    @Test
    void aDeletedLooseObjectIsReportedAndTheRestIsScanned() throws Exception {
        String kept = TestRepo.token(random);
        String lost = TestRepo.token(random);
        ObjectId lostId;
        try (TestRepo repo = TestRepo.init(tmp.resolve("r"))) {
            repo.write("kept.txt", kept + "\n").write("lost.txt", lost + "\n").commit("two");
            lostId = repo.git.getRepository().resolve("HEAD:lost.txt");
        }
        String hex = lostId.name();
        deleteLoose(tmp.resolve("r"), lostId);
        Scan scan = scan(tmp.resolve("r"));
        assertEquals(1, scan.sink.containing(kept).size());
        assertTrue(scan.sink.containing(lost).isEmpty());
        assertEquals(1, scan.stats.skippedMissing.get());
        assertTrue(scan.stats.warnings().stream().anyMatch(w -> w.contains(hex) && w.contains("lost.txt")),
                scan.stats.warnings().toString());
    }

    /** Deletes a loose object from a repository's object store. */
    private static void deleteLoose(Path repo, ObjectId id) throws IOException {
        String hex = id.name();
        Files.delete(repo.resolve(".git/objects/" + hex.substring(0, 2) + "/" + hex.substring(2)));
    }

    /** A sink that wants everything but node_modules. */
    private static Scan scanWithoutVendored(Path repo) throws IOException {
        return scan(repo, List.of(), TWO_THREADS, true, new TestRepo.Collected(path -> !path.startsWith("node_modules/")));
    }

    @Test
    void blobsAtPathsTheSinkDoesNotWantAreNotRead() throws Exception {
        String own = TestRepo.token(random);
        ObjectId vendoredId;
        try (TestRepo repo = TestRepo.init(tmp.resolve("r"))) {
            repo.write("app/config.py", own + "\n").write("node_modules/pkg/index.js", TestRepo.token(random) + "\n")
                    .write("node_modules/pkg/other.js", "other\n").commit("one");
            vendoredId = repo.git.getRepository().resolve("HEAD:node_modules/pkg/index.js");
        }
        // Deleted: reading it would count it missing.
        deleteLoose(tmp.resolve("r"), vendoredId);
        Scan scan = scanWithoutVendored(tmp.resolve("r"));
        assertEquals(List.of("app/config.py"), scan.sink.blobs.stream().map(b -> b.origin().path()).toList());
        assertEquals(2, scan.stats.skippedAllowlisted.get());
        assertEquals(0, scan.stats.skippedMissing.get(), scan.stats.warnings().toString());
        assertEquals(1, scan.stats.expectedBlobs.get());
    }

    @Test
    void unwantedBlobsInAPackAreSkippedEvenAsTheDeltaBaseOfWantedOnes() throws Exception {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 300; i++) {
            text.append("line ").append(i).append(" of a file vendored and then copied into the app\n");
        }
        try (TestRepo repo = TestRepo.init(tmp.resolve("r"))) {
            for (int round = 0; round < 12; round++) {
                text.insert(text.length() / 2, "inserted in round " + round + "\n");
                repo.write("node_modules/lib/lib.js", text.toString());
                if (round % 2 == 1) {
                    repo.write("app/lib.js", text + "// ours " + round + "\n");
                }
                repo.commit("round " + round);
            }
            repo.git.gc().setAggressive(true).call();
        }
        Scan all = scan(tmp.resolve("r"));
        Scan scan = scanWithoutVendored(tmp.resolve("r"));
        List<Blob> wanted = all.sink.blobs.stream().filter(b -> b.origin().path().startsWith("app/")).toList();
        assertEquals(6, wanted.size());
        assertEquals(new HashSet<>(wanted.stream().map(b -> b.origin().blobId()).toList()), new HashSet<>(scan.sink.blobIds()));
        for (Blob b : scan.sink.blobs) {
            assertEquals(b.origin().blobId(), blobId(b.bytes()), "resolved through its delta bases, wanted or not");
        }
        assertEquals(12, scan.stats.skippedAllowlisted.get());
        assertEquals(all.stats.blobsScanned.get() - 12, scan.stats.blobsScanned.get());
        assertEquals(0, all.stats.skippedAllowlisted.get());
    }

    @Test
    void aDeletedTreeSkipsItsFilesOnly() throws Exception {
        String kept = TestRepo.token(random);
        ObjectId treeId;
        try (TestRepo repo = TestRepo.init(tmp.resolve("r"))) {
            repo.write("kept.txt", kept + "\n").write("dir/inner.txt", "inner\n").commit("two");
            treeId = repo.git.getRepository().resolve("HEAD:dir");
        }
        deleteLoose(tmp.resolve("r"), treeId);
        Scan scan = scan(tmp.resolve("r"));
        assertEquals(List.of("kept.txt"), scan.sink.blobs.stream().map(b -> b.origin().path()).toList());
        assertEquals(1, scan.stats.skippedMissing.get());
    }

    @Test
    void aDamagedPackSkipsTheBrokenObjectAndScansTheRest() throws Exception {
        String kept = TestRepo.token(random);
        String broken = TestRepo.token(random);
        ObjectId brokenId;
        try (TestRepo repo = TestRepo.init(tmp.resolve("r"))) {
            repo.write("kept.txt", kept + "\n").write("broken.txt", broken + "\n" + "filler line\n".repeat(200))
                    .commit("two");
            brokenId = repo.git.getRepository().resolve("HEAD:broken.txt");
            repo.git.gc().call();
        }
        Path packDir = tmp.resolve("r/.git/objects/pack");
        Path packFile;
        try (var files = Files.list(packDir)) {
            packFile = files.filter(p -> p.toString().endsWith(".pack")).findFirst().orElseThrow();
        }
        long offset;
        Path idx = Path.of(packFile.toString().replace(".pack", ".idx"));
        offset = org.eclipse.jgit.internal.storage.file.PackIndex.open(idx.toFile()).findOffset(brokenId);
        assertTrue(offset > 0);
        byte[] pack = Files.readAllBytes(packFile);
        for (int i = 6; i < 30; i++) {
            pack[(int) offset + i] ^= 0x5A; // garble the compressed data, keep the header
        }
        packFile.toFile().setWritable(true);
        Files.write(packFile, pack);
        Scan scan = scan(tmp.resolve("r"));
        assertEquals(1, scan.sink.containing(kept).size());
        assertTrue(scan.sink.containing(broken).isEmpty());
        assertEquals(1, scan.stats.unreadable.get() + scan.stats.skippedMissing.get(), scan.stats.warnings().toString());
        assertTrue(scan.stats.warnings().stream().anyMatch(w -> w.contains(brokenId.name())), scan.stats.warnings().toString());
    }

    @Test
    void shallowCloneWarnsAboutTheBoundaryAndScansWhatItHas() throws Exception {
        String old = TestRepo.token(random);
        String recent = TestRepo.token(random);
        RevCommit tip;
        try (TestRepo repo = TestRepo.init(tmp.resolve("origin"))) {
            repo.write("old.txt", old + "\n").commit("old");
            repo.delete("old.txt").write("keep.txt", "keep\n").commit("middle");
            tip = repo.write("recent.txt", recent + "\n").commit("recent");
        }
        Path clone = tmp.resolve("shallow");
        try (Git git = Git.cloneRepository().setURI(tmp.resolve("origin").toUri().toString())
                .setDirectory(clone.toFile()).setDepth(1).call()) {
            assertFalse(git.getRepository().getObjectDatabase().getShallowCommits().isEmpty());
        }
        Scan scan = scan(clone);
        assertEquals(1, scan.sink.containing(recent).size());
        assertTrue(scan.sink.containing(old).isEmpty());
        assertEquals(1, scan.stats.commits.get());
        assertTrue(scan.stats.warnings().contains("shallow clone: history beyond " + tip.name() + " was not scanned"),
                scan.stats.warnings().toString());
    }

    @Test
    void bareRepositoryAndEmptyRepository() throws Exception {
        String secret = TestRepo.token(random);
        try (TestRepo repo = TestRepo.init(tmp.resolve("r"))) {
            repo.write("a.txt", secret + "\n").commit("one");
        }
        Git.cloneRepository().setURI(tmp.resolve("r").toUri().toString()).setDirectory(tmp.resolve("bare.git").toFile())
                .setBare(true).call().close();
        Scan bare = scan(tmp.resolve("bare.git"));
        assertEquals(1, bare.sink.containing(secret).size());

        Git.init().setDirectory(tmp.resolve("empty").toFile()).call().close();
        Scan empty = scan(tmp.resolve("empty"));
        assertTrue(empty.sink.blobs.isEmpty());
        assertEquals(0, empty.stats.expectedBlobs.get());
        assertEquals(0, empty.stats.commits.get());
        assertTrue(empty.source.provenance().introductions(Set.of(ObjectId.zeroId().name())).isEmpty());
    }

    @Test
    void aPathThatIsNotARepositoryOrAnUnknownBranchIsABadTarget() throws Exception {
        Files.createDirectories(tmp.resolve("plain"));
        BadTargetException notRepo = assertThrows(BadTargetException.class,
                () -> new HistorySource(tmp.resolve("plain"), List.of(), TWO_THREADS));
        assertFalse(notRepo.getMessage().contains("\n"));
        assertThrows(BadTargetException.class, () -> new HistorySource(tmp.resolve("missing"), List.of(), TWO_THREADS));
        try (TestRepo repo = TestRepo.init(tmp.resolve("r"))) {
            repo.write("a.txt", "a\n").commit("one");
        }
        HistorySource source = new HistorySource(tmp.resolve("r"), List.of("no-such-branch"), TWO_THREADS);
        BadTargetException bad = assertThrows(BadTargetException.class,
                () -> source.scan(new TestRepo.Collected(), new ScanStats()));
        assertTrue(bad.getMessage().contains("no-such-branch"));
    }

    @Test
    void nonUtf8PathsAndSubmodulesAreHandled() throws Exception {
        try (TestRepo repo = TestRepo.init(tmp.resolve("r"))) {
            repo.write("a.txt", "a\n").commit("one");
            Repository r = repo.git.getRepository();
            try (var inserter = r.newObjectInserter()) {
                ObjectId blob = inserter.insert(Constants.OBJ_BLOB, "latin\n".getBytes());
                var tree = new org.eclipse.jgit.lib.TreeFormatter();
                tree.append(new byte[] {'c', 'a', 'f', (byte) 0xE9, '.', 't', 'x', 't'}, 0, 8,
                        org.eclipse.jgit.lib.FileMode.REGULAR_FILE, blob);
                tree.append("sub", org.eclipse.jgit.lib.FileMode.GITLINK, ObjectId.zeroId());
                var commit = new org.eclipse.jgit.lib.CommitBuilder();
                commit.setTreeId(inserter.insert(tree));
                commit.setParentId(r.resolve("HEAD"));
                commit.setAuthor(TestRepo.author(9));
                commit.setCommitter(TestRepo.author(9));
                commit.setMessage("odd names");
                ObjectId c = inserter.insert(commit);
                inserter.flush();
                var update = r.updateRef("refs/heads/odd");
                update.setNewObjectId(c);
                update.update();
            }
        }
        Scan scan = scan(tmp.resolve("r"));
        assertEachReachableBlobOnce(scan, tmp.resolve("r"));
        assertTrue(scan.sink.blobs.stream().anyMatch(b -> b.origin().path().startsWith("caf")
                && b.origin().path().endsWith(".txt")));
        assertTrue(scan.stats.warnings().contains("submodules are not scanned: sub"), scan.stats.warnings().toString());
    }
}
