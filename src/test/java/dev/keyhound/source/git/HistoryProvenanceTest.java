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
import org.eclipse.jgit.lib.ObjectIdOwnerMap;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevWalk;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The introductions do not depend on what the walk recorded of the trees: with every tree, with a
 * budget that stops recording early, and with none, on a history that copies, moves, restores and
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
            Map<String, List<Provenance>> all = introductions(r, HistoryWalk.TREE_ENTRIES_RECORDED);
            assertTrue(all.values().stream().mapToInt(List::size).sum() > 20, "introductions: " + all);
            assertEquals(all, introductions(r, 7));
            assertEquals(all, introductions(r, -1));
        }
    }

    /** Every blob's introductions, from a walk that records at most the given tree entries (none when negative). */
    private static Map<String, List<Provenance>> introductions(Repository r, int recordable) throws Exception {
        HistoryWalk walk = new HistoryWalk(new RevWalk(r), new Problems(new ScanStats()), Math.max(0, recordable));
        walk.walk(Map.of(r.resolve("HEAD"), "HEAD"));
        Set<String> blobs = new HashSet<>();
        walk.blobs().forEach(b -> blobs.add(b.name()));
        HistoryProvenance provenance = new HistoryProvenance(r, walk.commits(),
                recordable < 0 ? new ObjectIdOwnerMap<>() : walk.treeNodes());
        return provenance.introductions(blobs);
    }
}
