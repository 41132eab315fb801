package dev.keyhound.source.git;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keyhound.testing.TestRepo;
import java.io.RandomAccessFile;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.eclipse.jgit.internal.storage.file.PackIndex;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Trees and commits read from the packs without JGit: the bytes JGit reads, or null for JGit to read. */
class PackedObjectsTest {
    @TempDir
    Path tmp;

    @ParameterizedTest(name = "libdeflate {0}")
    @ValueSource(booleans = {true, false})
    void readsEveryTreeAndCommitOfAPackFullOfDeltaChainsAsJGitDoes(boolean libdeflate) throws Exception {
        try (TestRepo repo = TestRepo.init(tmp.resolve("r"))) {
            repo.randomHistory(new Random(7), new String[] {"a", "a/b", "c", "c/d/e"}, 80);
            repo.git.gc().setAggressive(true).call();
            Repository r = repo.git.getRepository();
            List<PackOrder.IndexedPack> packs = PackOrder.packs(r.getObjectDatabase());
            assertEquals(1, packs.size());
            int trees = 0;
            int deltas = 0;
            try (PackedObjects packed = PackedObjects.of(packs, libdeflate); ObjectReader jgit = r.newObjectReader()) {
                for (PackIndex.MutableEntry e : packs.get(0).index()) {
                    ObjectId id = e.toObjectId();
                    int type = jgit.open(id).getType();
                    byte[] mine = packed.open(id, type);
                    assertNotNull(mine, "read here: " + id.name());
                    assertArrayEquals(jgit.open(id).getCachedBytes(), mine, id.name());
                    if (type == Constants.OBJ_TREE) {
                        trees++;
                        assertArrayEquals(mine, packed.tree(id, jgit));
                        deltas += isDelta(packs.get(0), e.getOffset()) ? 1 : 0;
                        assertNull(packed.open(id, Constants.OBJ_COMMIT), "a tree is no commit");
                    }
                }
                assertNull(packed.open(ObjectId.fromString("0123456789012345678901234567890123456789"), Constants.OBJ_TREE));
            }
            assertTrue(trees > 100 && deltas > trees / 2, trees + " trees, " + deltas + " of them deltas");
        }
    }

    @Test
    void aRevWalkReadingCommitsThroughItParsesEveryCommitAsJGitDoes() throws Exception {
        try (TestRepo repo = TestRepo.init(tmp.resolve("r"))) {
            repo.randomHistory(new Random(5), new String[] {"a", "b/c"}, 30);
            repo.git.gc().setAggressive(true).call();
            repo.write("loose.txt", "after the pack\n").commit("loose"); // a loose commit: JGit reads it
            Repository r = repo.git.getRepository();
            List<PackOrder.IndexedPack> packs = PackOrder.packs(r.getObjectDatabase());
            List<String> jgit = commits(r, r.newObjectReader());
            assertTrue(jgit.size() > 30, jgit.size() + " commits");
            assertEquals(jgit, commits(r, PackedObjects.readingCommits(r.newObjectReader(), packs)));
        }
    }

    /** Every commit from HEAD, parsed through the reader: its raw bytes, parents and tree. */
    private static List<String> commits(Repository r, ObjectReader reader) throws Exception {
        List<String> out = new java.util.ArrayList<>();
        try (reader; org.eclipse.jgit.revwalk.RevWalk walk = new org.eclipse.jgit.revwalk.RevWalk(reader)) {
            walk.markStart(walk.parseCommit(r.resolve("HEAD")));
            for (org.eclipse.jgit.revwalk.RevCommit c : walk) {
                out.add(c.name() + " " + c.getTree().name() + " " + java.util.Arrays.toString(c.getParents())
                        + " " + new String(c.getRawBuffer(), java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    @Test
    void aDamagedTreeIsLeftToJGit() throws Exception {
        try (TestRepo repo = TestRepo.init(tmp.resolve("r"))) {
            repo.write("dir/a.txt", "a\n").write("dir/b.txt", "b\n").write("top.txt", "t\n").commit("one");
            repo.git.gc().call();
            Repository r = repo.git.getRepository();
            ObjectId dir = r.resolve("HEAD:dir");
            ObjectId root = r.resolve("HEAD^{tree}");
            List<PackOrder.IndexedPack> packs = PackOrder.packs(r.getObjectDatabase());
            long offset = packs.get(0).index().findOffset(dir);
            try (RandomAccessFile f = new RandomAccessFile(packs.get(0).pack().getPackFile(), "rw")) {
                f.seek(offset + 4); // past the header, inside the zlib stream
                f.write(~f.readByte() & 0xff);
            }
            try (PackedObjects packed = PackedObjects.of(packs)) {
                assertNull(packed.open(dir, Constants.OBJ_TREE));
                assertNotNull(packed.open(root, Constants.OBJ_TREE), "the other trees are read");
            }
        }
    }

    private static boolean isDelta(PackOrder.IndexedPack pack, long offset) throws Exception {
        try (RandomAccessFile f = new RandomAccessFile(pack.pack().getPackFile(), "r")) {
            f.seek(offset);
            int type = (f.readByte() >> 4) & 7;
            return type == 6 || type == 7;
        }
    }
}
