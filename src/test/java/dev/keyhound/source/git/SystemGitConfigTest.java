package dev.keyhound.source.git;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SystemGitConfigTest {
    @TempDir
    Path tmp;

    @Test
    void gitConfigSystemVariableWins() {
        assertEquals(new File("/some/where/gitconfig"), SystemGitConfig.locate("/some/where/gitconfig", "/usr/bin"));
    }

    @Test
    void prefixOfTheGitOnPathHoldsTheFile() throws IOException {
        Path bin = Files.createDirectories(tmp.resolve("opt/git/bin"));
        Path git = Files.createFile(bin.resolve("git"), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        File found = SystemGitConfig.locate(null, empty + File.pathSeparator + bin);
        assertEquals(git.toRealPath().getParent().getParent().resolve("etc/gitconfig").toFile(), found);
    }

    @Test
    void noGitOnPathMeansNoSystemConfig() throws IOException {
        Path bin = Files.createDirectories(tmp.resolve("bin"));
        Files.createFile(bin.resolve("git")); // not executable: git would not run it either
        assertNull(SystemGitConfig.locate(null, bin.toString()));
        assertNull(SystemGitConfig.locate(null, null));
        assertNull(SystemGitConfig.locate("", ""));
    }

    /** The point of the class: the same answer as asking git, without starting it. */
    @Test
    void agreesWithGitItself() throws Exception {
        assumeTrue(!File.separator.equals("\\"), "POSIX only");
        String path = System.getenv("PATH");
        File ours = SystemGitConfig.locate(System.getenv("GIT_CONFIG_SYSTEM"), path);
        assumeTrue(ours != null, "no git on PATH");
        ProcessBuilder pb = new ProcessBuilder("git", "config", "--system", "--edit");
        pb.environment().put("GIT_EDITOR", "echo");
        pb.redirectErrorStream(true);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        p.waitFor();
        assumeTrue(p.exitValue() == 0 && !out.isEmpty(), "git did not say: " + out);
        String last = out.lines().reduce((a, b) -> b).orElseThrow();
        assertEquals(new File(last.replace("'", "").replace("\"", "")).getCanonicalFile(), ours.getCanonicalFile());
    }
}
