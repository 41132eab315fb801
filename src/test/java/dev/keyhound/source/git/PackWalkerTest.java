package dev.keyhound.source.git;

import dev.keyhound.testing.TestRepo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keyhound.source.git.HistoryWalk.BlobEntry;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevWalk;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/** The index-pack style walk against JGit's own reader, on a pack full of delta chains. */
class PackWalkerTest {
    @TempDir
    Path tmp;

    @ParameterizedTest(name = "libdeflate {0}")
    @ValueSource(booleans = {true, false})
    void resolvesEveryBlobOfAPackIncludingDeepDeltaChains(boolean libdeflate) throws Exception {
        try (TestRepo repo = TestRepo.init(tmp.resolve("r")); ObjectInflater inflater = new ObjectInflater(libdeflate)) {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < 200; i++) {
                text.append("row ").append(i).append(" some text that repeats across versions\n");
            }
            for (int round = 0; round < 40; round++) {
                text.insert((round * 997) % text.length(), "edit " + round + "\n");
                repo.write("f.txt", text.toString()).commit("r" + round);
            }
            repo.git.gc().setAggressive(true).call();
            Repository r = repo.git.getRepository();

            HistoryWalk walk = new HistoryWalk(new RevWalk(r), new Problems(new dev.keyhound.source.ScanStats()));
            walk.walk(Map.of(r.resolve("HEAD"), "HEAD"));
            PackOrder.Placed placed = PackOrder.place(PackOrder.packs(r.getObjectDatabase()), walk.blobs());
            List<BlobEntry> entries = placed.inPack(0);
            assertEquals(40, entries.size(), "one blob per version of f.txt");

            PackWalker walker = PackWalker.open(PackOrder.packs(r.getObjectDatabase()).get(0), 1 << 20);
            walker.want(entries);
            Map<String, byte[]> got = new ConcurrentHashMap<>();
            Map<String, String> baseOf = new ConcurrentHashMap<>();
            Map<String, int[]> copiesOf = new ConcurrentHashMap<>();
            List<Integer> roots = walker.roots();
            assertTrue(roots.size() < entries.size() / 4, "most versions are deltas: " + roots.size() + " roots");
            for (int root : roots) {
                walker.measure(inflater, root);
            }
            List<Long> measured = new ArrayList<>();
            entries.forEach(e -> measured.add(e.size));
            for (int root : roots) {
                walker.walk(inflater, root, 1 << 20, new PackWalker.Receiver() {
                    @Override
                    public void blob(BlobEntry entry, byte[] content, BlobEntry base, int[] copies) {
                        assertTrue(base == null || got.containsKey(base.name()), "a base is delivered before its children");
                        got.put(entry.name(), content);
                        if (base != null) {
                            baseOf.put(entry.name(), base.name());
                            copiesOf.put(entry.name(), copies);
                        }
                    }

                    @Override
                    public void skipped(BlobEntry entry, boolean binary) {
                        throw new AssertionError("nothing here is binary or large");
                    }
                });
            }
            assertEquals(entries.size(), got.size());
            assertTrue(baseOf.size() >= entries.size() - roots.size(), "each delta child names its base");
            for (Map.Entry<String, int[]> e : copiesOf.entrySet()) {
                byte[] child = got.get(e.getKey());
                byte[] base = got.get(baseOf.get(e.getKey()));
                int[] runs = e.getValue();
                int copied = 0;
                int end = 0;
                for (int i = 0; i < runs.length; i += 3) {
                    assertTrue(runs[i] >= end, "runs are in the child's order and do not overlap");
                    assertTrue(java.util.Arrays.equals(child, runs[i], runs[i] + runs[i + 2], base, runs[i + 1], runs[i + 1] + runs[i + 2]),
                            "a copy run holds the base's bytes");
                    end = runs[i] + runs[i + 2];
                    copied += runs[i + 2];
                }
                assertTrue(copied > child.length / 2, "one edit per version: most of a child is copied");
            }
            try (ObjectReader reader = r.newObjectReader()) {
                for (int i = 0; i < entries.size(); i++) {
                    BlobEntry e = entries.get(i);
                    byte[] expected = reader.open(e, Constants.OBJ_BLOB).getBytes();
                    assertEquals(e.name(), new ObjectInserter.Formatter().idFor(Constants.OBJ_BLOB, got.get(e.name())).name());
                    assertEquals(expected.length, measured.get(i), "size from the header, before resolving");
                    assertTrue(e.done);
                }
            }
        }
    }

    @Test
    void aLoneBinaryBlobIsProbedOnlyWhenLarge() throws Exception {
        try (TestRepo repo = TestRepo.init(tmp.resolve("lone")); ObjectInflater inflater = new ObjectInflater()) {
            java.util.Random random = new java.util.Random(3);
            byte[] bigBinary = new byte[(int) PackWalker.PROBED_FROM * 3];
            random.nextBytes(bigBinary);
            bigBinary[10] = 0;
            java.nio.file.Files.write(repo.dir.resolve("big.bin"), bigBinary);
            java.nio.file.Files.write(repo.dir.resolve("small.bin"), new byte[] {7, 0, 7, 1});
            repo.write("small.txt", "small text\n").write("big.txt", "line of text\n".repeat(5000)).commit("lone blobs");
            repo.git.gc().call();
            Repository r = repo.git.getRepository();
            HistoryWalk walk = new HistoryWalk(new RevWalk(r), new Problems(new dev.keyhound.source.ScanStats()));
            walk.walk(Map.of(r.resolve("HEAD"), "HEAD"));
            List<BlobEntry> entries = PackOrder.place(PackOrder.packs(r.getObjectDatabase()), walk.blobs()).inPack(0);
            PackWalker walker = PackWalker.open(PackOrder.packs(r.getObjectDatabase()).get(0), 1 << 20);
            walker.want(entries);
            Map<String, String> how = new java.util.TreeMap<>();
            for (int root : walker.roots()) {
                walker.walk(inflater, root, 1 << 20, new PackWalker.Receiver() {
                    @Override
                    public void blob(BlobEntry entry, byte[] content, BlobEntry base, int[] copies) {
                        how.put(entry.path, "delivered " + content.length);
                    }

                    @Override
                    public void skipped(BlobEntry entry, boolean binary) {
                        how.put(entry.path, binary ? "skipped binary" : "skipped large");
                    }
                });
            }
            assertEquals(Map.of("big.bin", "skipped binary", "small.bin", "delivered 4", "small.txt", "delivered 11",
                    "big.txt", "delivered 65000"), how, "a small blob is inflated whole, its binary check left to the receiver");
        }
    }
}
