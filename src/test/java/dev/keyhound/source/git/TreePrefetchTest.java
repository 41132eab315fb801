package dev.keyhound.source.git;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keyhound.source.ScanStats;
import dev.keyhound.testing.TestRepo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevWalk;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Trees read ahead of the history walk change nothing it finds: the same blobs at the same
 * paths, the same tree record and the same problems as a walk that reads every tree itself, on a
 * random history and with a tree missing; and a reader out of step is ignored.
 */
class TreePrefetchTest {
    @TempDir
    Path tmp;

    @Test
    void aWalkReadingAheadFindsWhatAWalkAloneFinds() throws Exception {
        Random rnd = new Random(new Random().nextLong());
        try (TestRepo repo = TestRepo.init(tmp.resolve("r"))) {
            repo.randomHistory(rnd, new String[] {"a", "a/b", "c", "c/d/e"}, 60);
            Repository r = repo.git.getRepository();
            assertEquals(walked(r, false), walked(r, true));
        }
    }

    @Test
    void aWalkReadingThePacksTreesItselfFindsWhatAWalkThroughJGitFinds() throws Exception {
        Random rnd = new Random(new Random().nextLong());
        try (TestRepo repo = TestRepo.init(tmp.resolve("r"))) {
            repo.randomHistory(rnd, new String[] {"a", "a/b", "c", "c/d/e"}, 60);
            repo.git.gc().setAggressive(true).call();
            repo.write("loose.txt", "after the pack\n").commit("loose"); // its trees are loose: JGit reads them
            Repository r = repo.git.getRepository();
            List<PackOrder.IndexedPack> packs = PackOrder.packs(r.getObjectDatabase());
            assertEquals(1, packs.size());
            Walked jgit = walked(r, true, List.of());
            assertEquals(jgit, walked(r, true, packs));
            assertEquals(jgit, walked(r, false, packs));
        }
    }

    @Test
    void aMissingTreeIsReportedTheSameWay() throws Exception {
        ObjectId treeId;
        try (TestRepo repo = TestRepo.init(tmp.resolve("r"))) {
            repo.write("kept.txt", "kept\n").write("dir/inner.txt", "inner\n").write("dir/sub/deep.txt", "deep\n").commit("one");
            repo.write("other.txt", "other\n").commit("two");
            treeId = repo.git.getRepository().resolve("HEAD:dir");
        }
        String hex = treeId.name();
        Files.delete(tmp.resolve("r/.git/objects/" + hex.substring(0, 2) + "/" + hex.substring(2)));
        try (TestRepo repo = TestRepo.reopen(tmp.resolve("r"))) {
            Repository r = repo.git.getRepository();
            Walked alone = walked(r, false);
            assertEquals(alone, walked(r, true));
            assertEquals(Map.of("kept.txt", 1, "other.txt", 1), countPaths(alone));
            assertEquals(1L, alone.missing());
        }
    }

    @Test
    void aTreeOutOfStepIsLeftToTheWalk() throws Exception {
        try (TestRepo repo = TestRepo.init(tmp.resolve("r"))) {
            repo.write("x/a.txt", "a\n").write("y/b.txt", "b\n").commit("one");
            Repository r = repo.git.getRepository();
            ObjectId root = r.resolve("HEAD^{tree}");
            ObjectId x = r.resolve("HEAD:x");
            // Waiting as long as it takes: a busy machine may start the reader's thread late.
            try (TreePrefetch ahead = TreePrefetch.start(r.newObjectReader(), PackedObjects.of(List.of()), List.of(root), 60_000_000L)) {
                byte[] first = ahead.next(root);
                assertTrue(first != null && first.length > 0, "the root, read ahead");
                // The walk asks for another tree than the reader's next: it reads that one itself,
                // and every later one.
                assertNull(ahead.next(ObjectId.zeroId()));
                assertNull(ahead.next(x));
            }
        }
    }

    /** What a walk found: each blob's path, every recorded tree entry, and the problems counted. */
    private record Walked(Map<String, String> pathById, List<String> record, long missing, long unreadable) {
    }

    private static Walked walked(Repository r, boolean readAhead) throws Exception {
        return walked(r, readAhead, List.of());
    }

    private static Walked walked(Repository r, boolean readAhead, List<PackOrder.IndexedPack> packs) throws Exception {
        ScanStats stats = new ScanStats();
        Problems problems = new Problems(stats);
        HistoryWalk walk;
        try (RevWalk rw = new RevWalk(r)) {
            walk = new HistoryWalk(rw, problems, HistoryWalk.TREE_ENTRIES_RECORDED, readAhead, packs);
            walk.walk(Map.of(r.resolve("HEAD"), "HEAD"));
        }
        problems.summarize();
        Map<String, String> paths = new TreeMap<>();
        walk.blobs().forEach(b -> paths.put(b.name(), b.path + " #" + b.number));
        List<String> record = new ArrayList<>();
        TreeRecord trees = walk.trees();
        java.util.Set<Integer> described = new java.util.HashSet<>();
        for (org.eclipse.jgit.revwalk.RevCommit c : walk.commits()) {
            describe(trees, trees.get(c.getTree()), described, record);
        }
        return new Walked(paths, record, stats.skippedMissing.get(), stats.unreadable.get());
    }

    /** A recorded tree's entries, then its subtrees', each tree once. */
    private static void describe(TreeRecord trees, TreeRecord.Node node, java.util.Set<Integer> described, List<String> out) {
        if (node == null || !described.add(node.id)) {
            return;
        }
        out.add("tree " + node.name() + " #" + node.id + (node.recorded() ? "" : " (not recorded)"));
        for (int e = node.first; node.recorded() && e < node.first + node.count; e++) {
            TreeRecord.Node sub = trees.subtree(e);
            out.add("  " + trees.name(e) + (sub != null ? " tree #" + sub.id : " blob #" + trees.blob(e).number));
            describe(trees, sub, described, out);
        }
    }

    private static Map<String, Integer> countPaths(Walked w) {
        Map<String, Integer> counts = new TreeMap<>();
        for (String p : w.pathById().values()) {
            counts.merge(p.substring(0, p.indexOf(" #")), 1, Integer::sum);
        }
        return counts;
    }
}
