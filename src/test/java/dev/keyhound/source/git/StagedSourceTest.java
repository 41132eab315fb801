package dev.keyhound.source.git;

import dev.keyhound.testing.TestRepo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keyhound.source.BadTargetException;
import dev.keyhound.source.Blob;
import dev.keyhound.source.Origin;
import dev.keyhound.source.ScanStats;
import dev.keyhound.source.SourceOptions;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StagedSourceTest {
    @TempDir
    Path tmp;
    private final Random random = new Random();

    private static Map<String, Blob> scan(Path dir, ScanStats stats) throws Exception {
        TestRepo.Collected sink = new TestRepo.Collected();
        try (StagedSource source = new StagedSource(dir, SourceOptions.defaults())) {
            source.scan(sink, stats);
        }
        return sink.blobs.stream().collect(Collectors.toMap(b -> b.origin().path(), b -> b));
    }

    private static BitSet lines(int... numbers) {
        BitSet set = new BitSet();
        for (int n : numbers) {
            set.set(n);
        }
        return set;
    }

    @Test
    void onlyTheIndexVersionOfAddedOrChangedFilesWithTheirNewLines() throws Exception {
        String staged = TestRepo.token(random);
        String newFile = TestRepo.token(random);
        String unstaged = TestRepo.token(random);
        String untracked = TestRepo.token(random);
        try (TestRepo repo = TestRepo.init(tmp.resolve("r"))) {
            repo.write("app.cfg", "one\ntwo\nthree\nfour\n").write("same.txt", "same\n")
                    .write("gone.txt", "gone\n").commit("base");
            repo.write("app.cfg", "one\nkey=" + staged + "\nthree\nFOUR\n").add("app.cfg");
            repo.write("new.txt", "n=" + newFile + "\n").add("new.txt");
            repo.git.rm().addFilepattern("gone.txt").call();
            // After staging: a working-tree-only edit and an untracked file, both not part of the commit.
            repo.write("app.cfg", "one\nkey=" + staged + "\nthree\nFOUR\nlater=" + unstaged + "\n");
            repo.write("untracked.txt", untracked + "\n");
        }
        ScanStats stats = new ScanStats();
        Map<String, Blob> blobs = scan(tmp.resolve("r"), stats);
        assertEquals(List.of("app.cfg", "new.txt"), blobs.keySet().stream().sorted().toList());

        Blob changed = blobs.get("app.cfg");
        assertEquals("one\nkey=" + staged + "\nthree\nFOUR\n", new String(changed.bytes(), StandardCharsets.UTF_8));
        assertEquals(lines(2, 4), changed.reportLines());
        assertEquals(Origin.Kind.GIT_STAGED, changed.origin().kind());
        try (Git git = Git.open(tmp.resolve("r").toFile())) {
            assertEquals(git.getRepository().readDirCache().getEntry("app.cfg").getObjectId().name(),
                    changed.origin().blobId());
        }
        assertNull(blobs.get("new.txt").reportLines(), "a new file is new on every line");
        assertEquals(2, stats.blobsScanned.get());
    }

    @Test
    void repositoryWithoutCommitsReportsEverythingStaged() throws Exception {
        String secret = TestRepo.token(random);
        try (TestRepo repo = TestRepo.init(tmp.resolve("r"))) {
            repo.write("first.txt", "a\n" + secret + "\n").add("first.txt");
        }
        Map<String, Blob> blobs = scan(tmp.resolve("r"), new ScanStats());
        assertEquals(List.of("first.txt"), List.copyOf(blobs.keySet()));
        assertNull(blobs.get("first.txt").reportLines());
    }

    @Test
    void nothingStagedMeansNothingScannedAndBareIsABadTarget() throws Exception {
        try (TestRepo repo = TestRepo.init(tmp.resolve("r"))) {
            repo.write("a.txt", "a\n").commit("one");
            repo.write("a.txt", "a\nunstaged\n");
        }
        assertTrue(scan(tmp.resolve("r"), new ScanStats()).isEmpty());
        Git.init().setBare(true).setDirectory(tmp.resolve("bare.git").toFile()).call().close();
        assertThrows(BadTargetException.class, () -> new StagedSource(tmp.resolve("bare.git"), SourceOptions.defaults()));
    }
}
