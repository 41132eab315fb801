package dev.keyhound.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `keyhound hook install/uninstall` on real repositories, and the installed hooks run by real git
 * commits and pushes. The hook runs a stand-in keyhound script that logs its arguments and exits
 * with the code the test chooses, so these tests check the hook's wiring, not detection.
 */
class HookInstallerTest {
    @TempDir
    Path tmp;

    Path repo;
    Path fake;
    Path log;

    @BeforeEach
    void repository() throws IOException {
        repo = GitFixture.init(tmp.resolve("repo"));
        GitFixture.commit(repo, "README.md", "hello\n");
        log = tmp.resolve("keyhound.log");
        fake = tmp.resolve("fake-keyhound");
        Files.writeString(fake, "#!/bin/sh\necho \"$*\" >> '" + log + "'\nexit ${FAKE_EXIT:-0}\n");
        Files.setPosixFilePermissions(fake, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private Cli.Result install(String... extra) {
        String[] args = new String[extra.length + 6];
        args[0] = "hook";
        args[1] = "install";
        args[2] = "--repo";
        args[3] = repo.toString();
        args[4] = "--keyhound";
        args[5] = fake.toString();
        System.arraycopy(extra, 0, args, 6, extra.length);
        return Cli.run(args);
    }

    private GitFixture.Result commit(Map<String, String> env) throws IOException {
        Files.writeString(repo.resolve("file.txt"), "change " + System.nanoTime() + "\n");
        GitFixture.git(repo, "add", "file.txt");
        return GitFixture.exec(repo, env, null, "git", "-c", "user.name=T", "-c", "user.email=t@localhost",
                "-c", "commit.gpgsign=false", "commit", "-q", "-m", "change");
    }

    private String logged() throws IOException {
        return Files.exists(log) ? Files.readString(log) : "";
    }

    @Test
    void installedHookRunsAStagedScanAndBlocksTheCommitOnFindings() throws IOException {
        Cli.Result r = install();
        assertEquals(ExitCodes.CLEAN, r.code(), r.toString());
        Path hook = repo.resolve(".git/hooks/pre-commit");
        assertTrue(Files.isExecutable(hook));

        assertEquals(0, commit(Map.of()).code());
        assertEquals("scan --staged\n", logged());

        GitFixture.Result blocked = commit(Map.of("FAKE_EXIT", "1"));
        assertEquals(1, blocked.code(), "a finding blocks the commit");
        assertEquals(0, commit(Map.of("FAKE_EXIT", "1", "SKIP", "lint,keyhound")).code(), "SKIP=keyhound lets it through");
    }

    @Test
    void anExistingHookIsKeptRunFirstAndRestoredOnUninstall() throws IOException {
        Path hooks = repo.resolve(".git/hooks");
        Path mine = hooks.resolve("pre-commit");
        Path marker = tmp.resolve("mine-ran");
        String original = "#!/bin/sh\ntouch '" + marker + "'\nexit ${MINE_EXIT:-0}\n";
        Files.writeString(mine, original);
        Files.setPosixFilePermissions(mine, PosixFilePermissions.fromString("rwxr-xr-x"));

        Cli.Result r = install();
        assertEquals(ExitCodes.CLEAN, r.code(), r.toString());
        assertTrue(r.out().contains("kept"), r.out());
        assertEquals(original, Files.readString(hooks.resolve("pre-commit.keyhound-chained")));

        assertEquals(0, commit(Map.of()).code());
        assertTrue(Files.exists(marker), "the original hook still runs");
        assertEquals("scan --staged\n", logged());
        assertEquals(1, commit(Map.of("MINE_EXIT", "1")).code(), "the original hook can still block");

        Cli.Result again = install();
        assertTrue(again.out().contains("already installed"), again.out());
        assertEquals(original, Files.readString(hooks.resolve("pre-commit.keyhound-chained")), "never chained twice");

        Cli.Result un = Cli.run("hook", "uninstall", "--repo", repo.toString());
        assertEquals(ExitCodes.CLEAN, un.code(), un.toString());
        assertEquals(original, Files.readString(mine));
        assertFalse(Files.exists(hooks.resolve("pre-commit.keyhound-chained")));
    }

    @Test
    void uninstallNeverDeletesAForeignHook() throws IOException {
        Path mine = repo.resolve(".git/hooks/pre-commit");
        Files.writeString(mine, "#!/bin/sh\nexit 0\n");
        Cli.Result r = Cli.run("hook", "uninstall", "--repo", repo.toString());
        assertEquals(ExitCodes.USAGE, r.code());
        assertTrue(Files.exists(mine));
    }

    @Test
    void coreHooksPathIsRespected() throws IOException {
        GitFixture.git(repo, "config", "core.hooksPath", ".githooks");
        Cli.Result r = install();
        assertEquals(ExitCodes.CLEAN, r.code(), r.toString());
        assertTrue(Files.exists(repo.resolve(".githooks/pre-commit")));
        assertFalse(Files.exists(repo.resolve(".git/hooks/pre-commit")));
        assertEquals(0, commit(Map.of()).code());
        assertEquals("scan --staged\n", logged());
    }

    @Test
    void aWorktreeSharesTheMainRepositorysHooks() throws IOException {
        Path worktree = tmp.resolve("wt");
        GitFixture.git(repo, "worktree", "add", "-q", worktree.toString());
        Cli.Result r = Cli.run("hook", "install", "--repo", worktree.toString(), "--keyhound", fake.toString());
        assertEquals(ExitCodes.CLEAN, r.code(), r.toString());
        assertTrue(Files.exists(repo.resolve(".git/hooks/pre-commit")), r.out());
    }

    @Test
    void outsideARepositoryIsAUsageError() {
        Cli.Result r = Cli.run("hook", "install", "--repo", tmp.toString());
        assertEquals(ExitCodes.USAGE, r.code());
        assertEquals(1, r.errLines().length, r.err());
    }

    @Test
    void prePushHookScansTheNewCommitsOfEachPushedBranch() throws IOException {
        Path remote = tmp.resolve("remote.git");
        GitFixture.git(tmp, "init", "-q", "--bare", remote.toString());
        GitFixture.git(repo, "remote", "add", "origin", remote.toString());
        GitFixture.git(repo, "push", "-q", "origin", "main");
        Cli.Result r = install("--pre-push");
        assertEquals(ExitCodes.CLEAN, r.code(), r.toString());
        assertTrue(Files.exists(repo.resolve(".git/hooks/pre-push")), r.out());

        String before = GitFixture.git(repo, "rev-parse", "HEAD");
        commit(Map.of());
        String after = GitFixture.git(repo, "rev-parse", "HEAD");
        GitFixture.Result push = GitFixture.exec(repo, Map.of(), null, "git", "push", "-q", "origin", "main");
        assertEquals(0, push.code(), push.stderr());
        assertEquals("scan --range " + before + ".." + after + "\n", logged());

        GitFixture.git(repo, "checkout", "-q", "-b", "feature");
        commit(Map.of());
        String feature = GitFixture.git(repo, "rev-parse", "HEAD");
        GitFixture.Result blocked = GitFixture.exec(repo, Map.of("FAKE_EXIT", "1"), null, "git", "push", "-q", "origin", "feature");
        assertTrue(blocked.code() != 0, "a finding blocks the push");
        assertTrue(logged().endsWith("scan --range " + after + ".." + feature + "\n"), logged());
    }
}
