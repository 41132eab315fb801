package dev.keyhound.source.git;

import dev.keyhound.testing.TestRepo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keyhound.source.BadTargetException;
import dev.keyhound.source.Blob;
import dev.keyhound.source.Origin;
import dev.keyhound.source.ScanStats;
import dev.keyhound.source.SourceOptions;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkingTreeSourceTest {
    @TempDir
    Path tmp;

    @Test
    void trackedAndUntrackedFilesButNotIgnoredOnes() throws Exception {
        try (TestRepo repo = TestRepo.init(tmp.resolve("r"))) {
            // keep.log is committed before the ignore rule that matches it: tracked files stay in.
            repo.write("keep.log", "tracked log\n").commit("log first");
            repo.write(".gitignore", "*.log\nbuild/\n").write("src/app.txt", "tracked\n").commit("base");
            repo.write("src/app.txt", "tracked, edited\n");
            repo.write("notes.txt", "untracked\n");
            repo.write("debug.log", "ignored\n");
            repo.write("build/out.txt", "ignored dir\n");
            repo.write("deleted.txt", "x\n").commit("more");
            repo.delete("deleted.txt");
            Files.write(repo.dir.resolve("image.bin"), new byte[] {0, 1, 2});
            Files.createDirectories(repo.dir.resolve("vendor/lib"));
            Git.init().setDirectory(repo.dir.resolve("vendor/lib").toFile()).call().close();
            repo.write("vendor/lib/inner.txt", "nested repository\n");
        }
        TestRepo.Collected sink = new TestRepo.Collected();
        ScanStats stats = new ScanStats();
        try (WorkingTreeSource source = new WorkingTreeSource(tmp.resolve("r"), new SourceOptions(1 << 20, 2))) {
            source.scan(sink, stats);
        }
        List<String> paths = sink.blobs.stream().map(b -> b.origin().path()).sorted().toList();
        assertEquals(List.of(".gitignore", "keep.log", "notes.txt", "src/app.txt"), paths);
        Blob edited = sink.blobs.stream().filter(b -> b.origin().path().equals("src/app.txt")).findFirst().orElseThrow();
        assertEquals("tracked, edited\n", new String(edited.bytes(), StandardCharsets.UTF_8), "the file on disk");
        assertEquals(Origin.Kind.GIT_WORKTREE, edited.origin().kind());
        assertNull(edited.reportLines());
        assertEquals(1, stats.skippedBinary.get());
        assertTrue(stats.warnings().contains("submodules are not scanned: vendor/lib"), stats.warnings().toString());
    }

    @Test
    void bareRepositoryHasNoWorkingTree() throws Exception {
        Git.init().setBare(true).setDirectory(tmp.resolve("bare.git").toFile()).call().close();
        BadTargetException e = assertThrows(BadTargetException.class,
                () -> new WorkingTreeSource(tmp.resolve("bare.git"), SourceOptions.defaults()));
        assertFalse(e.getMessage().contains("\n"));
    }
}
