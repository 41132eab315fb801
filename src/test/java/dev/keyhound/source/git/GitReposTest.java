package dev.keyhound.source.git;

import dev.keyhound.testing.TestRepo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keyhound.source.BadTargetException;
import dev.keyhound.source.ScanStats;
import dev.keyhound.source.SourceOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GitReposTest {
    @TempDir
    Path tmp;

    @Test
    void recognisesWorkTreesBareRepositoriesAndLinkedWorktrees() throws Exception {
        String secret = TestRepo.token(new Random());
        try (TestRepo repo = TestRepo.init(tmp.resolve("r"))) {
            repo.write("a.txt", secret + "\n").commit("one");
        }
        Git.init().setBare(true).setDirectory(tmp.resolve("bare.git").toFile()).call().close();
        Files.createDirectories(tmp.resolve("plain"));
        Files.createDirectories(tmp.resolve("r/sub"));
        assertTrue(GitRepos.isRepository(tmp.resolve("r")));
        assertTrue(GitRepos.isRepository(tmp.resolve("bare.git")));
        assertFalse(GitRepos.isRepository(tmp.resolve("plain")));
        assertFalse(GitRepos.isRepository(tmp.resolve("r/sub")), "no search upwards");
        assertFalse(GitRepos.isRepository(tmp.resolve("nowhere")));
        assertThrows(BadTargetException.class, () -> GitRepos.open(tmp.resolve("plain")));

        // A linked worktree (.git is a file pointing into the main repository) made by git itself.
        Process p = new ProcessBuilder("git", "-C", tmp.resolve("r").toString(), "worktree", "add", "-q",
                tmp.resolve("wt").toString()).redirectErrorStream(true).start();
        assertEquals(0, p.waitFor(), new String(p.getInputStream().readAllBytes()));
        assertTrue(Files.isRegularFile(tmp.resolve("wt/.git")));
        assertTrue(GitRepos.isRepository(tmp.resolve("wt")));
        TestRepo.Collected sink = new TestRepo.Collected();
        try (HistorySource source = new HistorySource(tmp.resolve("wt"), List.of(),
                SourceOptions.defaults())) {
            source.scan(sink, new ScanStats());
        }
        assertEquals(1, sink.containing(secret).size());
        TestRepo.Collected tree = new TestRepo.Collected();
        try (WorkingTreeSource source = new WorkingTreeSource(tmp.resolve("wt"), SourceOptions.defaults())) {
            source.scan(tree, new ScanStats());
        }
        assertEquals(List.of("a.txt"), tree.blobs.stream().map(b -> b.origin().path()).toList());
    }
}
