package dev.keyhound.acceptance;

import dev.keyhound.testing.TestRepo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a person at a terminal sees on stderr: keyhound in its own JVM under a pseudo-terminal
 * (util-linux `script`), since progress and the closing line only appear when a console is attached.
 */
class TerminalAcceptanceTest {
    @TempDir
    Path tmp;

    @Test
    void closingLineOnATerminalAndQuietSilencesIt() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/script")), "needs util-linux script for a pseudo-terminal");
        Path repo;
        try (TestRepo r = TestRepo.init(tmp.resolve("repo"))) {
            r.write("app.env", "BITGET_API_KEY=" + new Secrets().bitgetKey() + "\n").commit("leak");
            r.write("README.md", "hi\n").commit("readme");
            repo = r.dir;
        }
        String loud = onTerminal("scan", "--format", "json", "-o", tmp.resolve("a.json").toString(), repo.toString());
        assertTrue(loud.contains("keyhound: 1 finding in 1 refs, 2 commits, 2 blobs"), loud);
        assertTrue(loud.contains("0 skipped"), loud);
        assertTrue(Files.size(tmp.resolve("a.json")) > 0);
        String quiet = onTerminal("scan", "-q", "--format", "json", "-o", tmp.resolve("b.json").toString(), repo.toString());
        assertFalse(quiet.contains("keyhound:"), "--quiet: " + quiet);
        assertFalse(quiet.contains("scanning "), "--quiet: no progress: " + quiet);
        assertTrue(Files.size(tmp.resolve("b.json")) > 0);
    }

    /** Everything the terminal shows (stdout and stderr share it) for `keyhound ARGS`. */
    private String onTerminal(String... args) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        StringBuilder cmd = new StringBuilder(quote(java)).append(" -cp ")
                .append(quote(System.getProperty("java.class.path"))).append(" dev.keyhound.cli.Main");
        for (String a : args) {
            cmd.append(' ').append(quote(a));
        }
        ProcessBuilder pb = new ProcessBuilder(List.of("/usr/bin/script", "-qec", cmd.toString(), "/dev/null"))
                .redirectErrorStream(true);
        pb.environment().put("NO_COLOR", "1");
        pb.environment().put("KEYHOUND_CACHE_DIR", System.getProperty("keyhound.cache.dir", "off"));
        Process p = pb.start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        return out;
    }

    private static String quote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }
}
