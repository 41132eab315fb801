package dev.keyhound.acceptance;

import dev.keyhound.testing.TestRepo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 6's blocked commit and issue 3's messy repositories, end to end through the CLI. */
class StagedAndFailureAcceptanceTest {
    @TempDir
    Path tmp;

    final Secrets secrets = new Secrets();

    @Test
    void stagedScanReportsOnlyTheStagedSecretAtItsIndexLine() throws Exception {
        String staged = secrets.bitgetKey();
        String unstaged = secrets.bitgetKey();
        String untracked = secrets.bitgetKey();
        try (TestRepo repo = TestRepo.init(tmp.resolve("repo"))) {
            repo.write("app.py", "import os\n\n\ndef main():\n    pass\n").write("other.py", "x = 1\n").commit("start");
            // index: the secret on line 6
            repo.write("app.py", "import os\n\n\ndef main():\n    pass\nBITGET_API_KEY = '" + staged + "'\n").add("app.py");
            // work tree: two more lines on top (so the work-tree line is 8), and leaks that are not staged
            repo.write("app.py", "# header\n# header\nimport os\n\n\ndef main():\n    pass\nBITGET_API_KEY = '" + staged + "'\n");
            repo.write("other.py", "x = 1\nBITGET_API_KEY = '" + unstaged + "'\n");
            repo.write("new.env", "BITGET_API_KEY=" + untracked + "\n");

            Keyhound.Run json = Keyhound.run("scan", "-q", "--staged", "--no-redact", "--format", "json", repo.dir.toString());
            assertEquals(1, json.code(), json.toString());
            JsonNode findings = json.json().path("findings");
            assertEquals(1, findings.size(), findings.toString());
            JsonNode where = findings.get(0).path("locations").get(0);
            assertEquals(staged, findings.get(0).path("secret").asText());
            assertEquals("app.py", where.path("path").asText());
            assertEquals(6, where.path("line").asInt(), "the index version's line, not the work tree's");
            assertEquals("staged", json.json().path("summary").path("mode").asText());

            Keyhound.Run blocked = Keyhound.run("scan", "--staged", repo.dir.toString());
            assertEquals(1, blocked.code(), blocked.toString());
            String all = blocked.out() + blocked.err();
            assertTrue(blocked.out().contains("app.py:6"), "file:line: " + blocked.out());
            assertTrue(blocked.out().contains("Bitget key"), "provider and part: " + blocked.out());
            assertTrue(blocked.out().contains(staged.substring(0, 4) + "…"), "redacted value: " + blocked.out());
            assertFalse(all.contains(staged), "never the raw value");
            assertTrue(blocked.out().contains("https://www.bitget.com/account/newapi"), "revoke link: " + blocked.out());
            String fingerprint = findings.get(0).path("fingerprint").asText();
            assertTrue(all.contains("keyhound:allow"), all);
            assertTrue(all.contains("keyhound ignore " + fingerprint), "the exact command to ignore it: " + all);
            assertTrue(blocked.err().contains("SKIP=keyhound"), blocked.err());
            assertTrue(blocked.err().contains("--no-verify"), blocked.err());
            for (String other : List.of(unstaged, untracked)) {
                assertFalse(all.contains(other.substring(0, 4) + "…") && all.contains("other.py"), "unstaged reported");
            }
            assertFalse(all.contains("new.env"), "untracked reported: " + all);
            assertFalse(all.contains("other.py"), "unstaged reported: " + all);
        }
    }

    @Test
    void aStagedMoveOfACommittedFileAddsNothingButAnEditDoes() throws Exception {
        String old = secrets.bitgetKey();
        try (TestRepo repo = TestRepo.init(tmp.resolve("moves"))) {
            repo.write("conf/app.env", "A=1\nBITGET_API_KEY=" + old + "\n").commit("already in history");
            repo.git.rm().addFilepattern("conf/app.env").call();
            repo.write("config/app.env", "A=1\nBITGET_API_KEY=" + old + "\n").add("config/app.env");
            Keyhound.Run moved = Keyhound.run("scan", "-q", "--staged", repo.dir.toString());
            assertEquals(0, moved.code(), "git mv of a committed file adds no line: " + moved);

            String fresh = secrets.bitgetKey();
            repo.write("config/app.env", "A=1\nBITGET_API_KEY=" + old + "\nBITGET_API_KEY_2=" + fresh + "\n")
                    .add("config/app.env");
            Keyhound.Run edited = Keyhound.run("scan", "-q", "--staged", "--no-redact", "--format", "json", repo.dir.toString());
            assertEquals(1, edited.code(), edited.toString());
            assertTrue(edited.out().contains(fresh), edited.out());
        }
    }

    @Test
    void stagedScanWorksBeforeTheFirstCommit() throws Exception {
        String staged = secrets.bitgetKey();
        try (TestRepo repo = TestRepo.init(tmp.resolve("fresh"))) {
            repo.write("conf/app.env", "A=1\nBITGET_API_KEY=" + staged + "\n").add("conf/app.env");
            Keyhound.Run r = Keyhound.run("scan", "-q", "--staged", repo.dir.toString());
            assertEquals(1, r.code(), r.toString());
            assertTrue(r.out().contains("conf/app.env:2"), r.out());
            assertFalse(r.out().contains("HEAD cannot be read"), "an unborn branch is not a damaged HEAD: " + r.out());
        }
    }

    @Test
    void aBrokenHeadIsOneLineWithoutAStackTrace() throws Exception {
        Path repo = committedRepo("broken-head");
        Files.writeString(repo.resolve(".git/HEAD"), "garbage that is no ref\n");
        assertFailsInOneLine(repo, "--since=HEAD~1");
        // a history scan walks refs/, not HEAD, and the work tree needs no HEAD: they may still scan
        assertFailsInOneLineOrScans(repo, "", "--no-history");
        // the staged scan errs on the safe side, every staged file as new, and says why
        Keyhound.Run staged = scan(repo, "--staged");
        assertEquals(0, staged.code(), staged.toString());
        assertTrue(staged.out().contains("HEAD cannot be read"), staged.out());
    }

    @Test
    void aRefToAMissingCommitIsOneLineWithoutAStackTrace() throws Exception {
        Path repo = committedRepo("broken-ref");
        Files.writeString(repo.resolve(".git/refs/heads/main"), "1234567890123456789012345678901234567890\n");
        assertFailsInOneLine(repo, "--staged", "--since=HEAD~1");
        assertFailsInOneLineOrScans(repo, "", "--no-history");
    }

    @Test
    void aCorruptObjectIsOneLineOrASkipNeverAStackTrace() throws Exception {
        Path repo = committedRepo("corrupt-object");
        try (TestRepo r = TestRepo.reopen(repo)) {
            String commit = r.git.getRepository().resolve("HEAD").getName();
            Path loose = repo.resolve(".git/objects/" + commit.substring(0, 2) + "/" + commit.substring(2));
            loose.toFile().setWritable(true);
            Files.write(loose, new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
        }
        assertFailsInOneLineOrScans(repo, "", "--no-history");
        Keyhound.Run staged = scan(repo, "--staged");
        assertEquals(3, staged.code(), "the staged scan cannot know what is new: a failed scan, " + staged);
        assertOneCleanLine("--staged", staged);
        assertFailsInOneLine(repo, "--since=HEAD~1");
    }

    private Path committedRepo(String name) throws Exception {
        try (TestRepo repo = TestRepo.init(tmp.resolve(name))) {
            repo.write("README.md", "hello\n").commit("readme");
            repo.write("b.txt", "b\n").commit("b");
            return repo.dir;
        }
    }

    private static void assertFailsInOneLine(Path repo, String... modes) {
        for (String mode : modes) {
            Keyhound.Run r = scan(repo, mode);
            assertTrue(r.code() == 2 || r.code() == 3, mode + ": " + r);
            assertOneCleanLine(mode, r);
        }
    }

    private static void assertFailsInOneLineOrScans(Path repo, String... modes) {
        for (String mode : modes.length == 0 ? new String[] {""} : modes) {
            Keyhound.Run r = scan(repo, mode);
            assertFalse(r.err().contains("\tat ") || r.out().contains("\tat "), mode + ": " + r);
            if (r.code() >= 2) {
                assertOneCleanLine(mode, r);
            } else {
                assertTrue(r.out().contains("Summary"), mode + ": " + r);
            }
        }
    }

    private static Keyhound.Run scan(Path repo, String mode) {
        return mode.isEmpty() ? Keyhound.run("scan", "-q", repo.toString()) : Keyhound.run("scan", "-q", mode, repo.toString());
    }

    private static void assertOneCleanLine(String mode, Keyhound.Run r) {
        assertEquals(1, r.errLines().length, mode + ": " + r.err());
        assertFalse(r.err().contains("\tat "), mode + ": " + r.err());
        assertTrue(r.err().startsWith("keyhound: "), mode + ": " + r.err());
    }

    @Test
    void aRepositoryWithAMissingObjectIsScannedAndTheSkipCounted() throws Exception {
        String kept = secrets.bitgetKey();
        Path dir = tmp.resolve("damaged");
        String lostBlob;
        try (TestRepo repo = TestRepo.init(dir)) {
            repo.write("keep.env", "BITGET_API_KEY=" + kept + "\n").commit("keep");
            repo.write("lost.txt", "this blob goes missing\n").commit("lost");
            lostBlob = repo.git.getRepository().resolve("HEAD:lost.txt").getName();
        }
        Files.delete(dir.resolve(".git/objects/" + lostBlob.substring(0, 2) + "/" + lostBlob.substring(2)));
        Keyhound.Run r = Keyhound.run("scan", "-q", "--format", "json", dir.toString());
        assertEquals(1, r.code(), "the rest is still scanned: " + r);
        JsonNode summary = r.json().path("summary");
        assertEquals(1, summary.path("skippedMissing").asInt(), summary.toString());
        assertEquals(1, r.json().path("findings").size());
    }

    @Test
    void aShallowCloneSaysWhatWasNotScanned() throws Exception {
        String old = secrets.bitgetKey();
        Path origin = tmp.resolve("origin");
        try (TestRepo repo = TestRepo.init(origin)) {
            repo.write("a.env", "BITGET_API_KEY=" + old + "\n").commit("old leak");
            repo.delete("a.env").write("b.txt", "b\n").commit("remove");
            repo.write("c.txt", "c\n").commit("later");
        }
        Path shallow = tmp.resolve("shallow");
        Process p = new ProcessBuilder("git", "-c", "protocol.file.allow=always", "clone", "-q", "--depth", "1",
                origin.toUri().toString(), shallow.toString()).redirectErrorStream(true).start();
        String gitOut = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), gitOut);
        Keyhound.Run json = Keyhound.run("scan", "-q", "--format", "json", shallow.toString());
        assertEquals(0, json.code(), "the leak is beyond the boundary: " + json);
        String warnings = json.json().path("summary").path("warnings").toString();
        assertTrue(warnings.toLowerCase().contains("shallow"), warnings);
        Keyhound.Run text = Keyhound.run("scan", "-q", shallow.toString());
        String summary = text.out().substring(text.out().lastIndexOf("Summary"));
        assertTrue(summary.toLowerCase().contains("shallow"), summary);
    }
}
