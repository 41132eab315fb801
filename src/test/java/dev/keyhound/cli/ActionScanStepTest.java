package dev.keyhound.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The action's "Scan" step, taken from action.yml and run by bash the way a runner runs it
 * (`bash --noprofile --norc -eo pipefail`), against a real repository. keyhound is the code under
 * test, reached through a manifest-only jar at the path the step expects.
 */
class ActionScanStepTest {
    @TempDir
    Path tmp;

    Path actionPath;
    JsonNode step;

    @BeforeEach
    void action() throws IOException {
        for (JsonNode s : new ObjectMapper(new YAMLFactory()).readTree(new File("action.yml")).path("runs").path("steps")) {
            if (s.path("id").asText().equals("scan")) {
                step = s;
            }
        }
        actionPath = Files.createDirectories(tmp.resolve("action"));
        Files.createDirectories(actionPath.resolve("target"));
        writeLauncherJar(actionPath.resolve("target/keyhound.jar"));
    }

    /** A jar holding only a manifest: keyhound's main class and the test classpath. */
    private static void writeLauncherJar(Path jar) throws IOException {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.put(Attributes.Name.MAIN_CLASS, Main.class.getName());
        StringBuilder classPath = new StringBuilder();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            classPath.append(Path.of(entry).toAbsolutePath().toUri()).append(' ');
        }
        main.put(Attributes.Name.CLASS_PATH, classPath.toString().strip());
        try (OutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest)) {
            out.flush();
        }
    }

    private record Outcome(int code, Map<String, String> outputs, String summary, String stderr) {
    }

    private Outcome runScanStep(Path workspace) throws IOException {
        Path runnerTemp = Files.createDirectories(tmp.resolve("runner-temp"));
        Path output = tmp.resolve("github-output");
        Path summary = tmp.resolve("step-summary");
        Files.deleteIfExists(output);
        Files.deleteIfExists(summary);
        Files.createFile(output);
        Files.createFile(summary);
        Map<String, String> env = new HashMap<>();
        // the step's env, with the action's input defaults in place of the ${{ }} expressions
        step.path("env").fields().forEachRemaining(e -> env.put(e.getKey(), ""));
        env.put("KEYHOUND_FAIL_ON", "low");
        env.put("GITHUB_ACTION_PATH", actionPath.toString());
        env.put("RUNNER_TEMP", runnerTemp.toString());
        env.put("GITHUB_OUTPUT", output.toString());
        env.put("GITHUB_STEP_SUMMARY", summary.toString());
        Path script = tmp.resolve("scan-step.sh");
        Files.writeString(script, step.path("run").asText());
        GitFixture.Result r = GitFixture.exec(workspace, env, null, "bash", "--noprofile", "--norc", "-eo", "pipefail",
                script.toString());
        Map<String, String> outputs = new LinkedHashMap<>();
        for (String line : Files.readAllLines(output)) {
            int eq = line.indexOf('=');
            outputs.put(line.substring(0, eq), line.substring(eq + 1));
        }
        return new Outcome(r.code(), outputs, Files.readString(summary), r.stderr());
    }

    @Test
    void aLeakSetsTheOutputsAndTheJobSummaryAndLeavesTheFailureToTheLastStep() throws IOException {
        String token = Cli.githubToken(new Random());
        Path repo = GitFixture.init(tmp.resolve("repo"));
        GitFixture.commit(repo, "deploy/app.env", "GITHUB_TOKEN=" + token + "\n");
        Outcome o = runScanStep(repo);
        assertEquals(0, o.code(), o.stderr());
        assertEquals("1", o.outputs().get("exit-code"), o.outputs().toString());
        assertEquals("1", o.outputs().get("findings"), o.outputs().toString());
        assertTrue(Files.isRegularFile(Path.of(o.outputs().get("sarif"))));
        assertTrue(o.summary().contains("| critical | GitHub | token | `deploy/app.env:1` |"), o.summary());
        assertTrue(o.summary().contains("[revoke](https://github.com/settings/tokens)"), o.summary());
        assertFalse(o.summary().contains(token), "the job summary is redacted");
    }

    @Test
    void aCleanRepositoryReportsZero() throws IOException {
        Path repo = GitFixture.init(tmp.resolve("repo"));
        GitFixture.commit(repo, "README.md", "hello\n");
        Outcome o = runScanStep(repo);
        assertEquals(0, o.code(), o.stderr());
        assertEquals("0", o.outputs().get("exit-code"));
        assertEquals("0", o.outputs().get("findings"));
        assertTrue(o.summary().contains("no leaked secrets"), o.summary());
    }

    @Test
    void aConfigurationErrorFailsTheStepAtOnce() throws IOException {
        Path repo = GitFixture.init(tmp.resolve("repo"));
        GitFixture.commit(repo, "README.md", "hello\n");
        step = ((com.fasterxml.jackson.databind.node.ObjectNode) step).put("run",
                step.path("run").asText().replace("--fail-on \"$KEYHOUND_FAIL_ON\"", "--fail-on sometimes"));
        Outcome o = runScanStep(repo);
        assertEquals(2, o.code(), o.stderr());
        assertEquals("2", o.outputs().get("exit-code"));
    }
}
