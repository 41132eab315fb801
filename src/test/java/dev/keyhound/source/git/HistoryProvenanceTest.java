package dev.keyhound.source.git;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keyhound.finding.Provenance;
import dev.keyhound.source.ScanStats;
import dev.keyhound.testing.TestRepo;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevWalk;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The introductions do not depend on what the walk recorded of the trees (with their entries'
 * names): with every tree, when no tree is read again; with a budget that stops recording early;
 * and with none, on a history that copies, moves, restores and
 * deletes the same contents across directories.
 */
class HistoryProvenanceTest {
    @TempDir
    Path tmp;

    @Test
    void theTreeRecordOnlySparesReadsAndChangesNoIntroduction() throws Exception {
        Random rnd = new Random(new Random().nextLong());
        String[] dirs = {"a", "a/b", "c", "c/d/e"};
        try (TestRepo repo = TestRepo.init(tmp.resolve("r"))) {
            repo.randomHistory(rnd, dirs, 50);
            Repository r = repo.git.getRepository();
            Pass all = introductions(r, HistoryWalk.TREE_ENTRIES_RECORDED);
            assertTrue(all.found().values().stream().mapToInt(List::size).sum() > 20, "introductions: " + all);
            assertEquals(0, all.treesRead(), "every tree recorded, with its names: none read again");
            Pass some = introductions(r, 7);
            assertEquals(all.found(), some.found());
            assertTrue(some.treesRead() > 0);
            Pass none = introductions(r, 0);
            assertEquals(all.found(), none.found());
            assertTrue(none.treesRead() > some.treesRead());

            // Asked for some blobs only, the record's trees that hold none of them are passed over:
            // the answer is the full answer for those blobs, recorded or read again.
            Set<String> asked = new HashSet<>();
            all.found().keySet().forEach(b -> {
                if (rnd.nextBoolean()) {
                    asked.add(b);
                }
            });
            Map<String, List<Provenance>> expected = new java.util.HashMap<>(all.found());
            expected.keySet().retainAll(asked);
            assertEquals(expected, introductions(r, HistoryWalk.TREE_ENTRIES_RECORDED, asked).found());
            assertEquals(expected, introductions(r, 0, asked).found());
        }
    }

    /** What one introductions pass found, and how many trees it read from the repository. */
    private record Pass(Map<String, List<Provenance>> found, int treesRead) {
    }

    /** Every blob's introductions, from a walk that records at most the given tree entries. */
    private static Pass introductions(Repository r, int recordable) throws Exception {
        return introductions(r, recordable, null);
    }

    /** The asked-for blobs' introductions (every blob's when null). */
    private static Pass introductions(Repository r, int recordable, Set<String> asked) throws Exception {
        HistoryWalk walk = new HistoryWalk(new RevWalk(r), new Problems(new ScanStats()), recordable);
        walk.walk(Map.of(r.resolve("HEAD"), "HEAD"));
        Set<String> blobs = new HashSet<>();
        walk.blobs().forEach(b -> blobs.add(b.name()));
        if (asked != null) {
            blobs.retainAll(asked);
        }
        HistoryProvenance provenance = new HistoryProvenance(r, walk.commits(), walk.trees());
        return new Pass(provenance.introductions(blobs), provenance.treesRead());
    }
}
