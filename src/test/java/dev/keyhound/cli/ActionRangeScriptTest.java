package dev.keyhound.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * scripts/action-range.sh against real repositories: an "origin" with history and a clone of it
 * standing in for the Actions checkout, with the GITHUB_* environment and event payloads GitHub sends.
 */
class ActionRangeScriptTest {
    private static final Path SCRIPT = Path.of("scripts/action-range.sh").toAbsolutePath();
    private static final String ZERO = "0".repeat(40);

    @TempDir
    Path tmp;

    Path origin;
    String c1;
    String c2;
    String c3;
    String c4;

    @BeforeEach
    void history() throws IOException {
        origin = GitFixture.init(tmp.resolve("origin"));
        c1 = GitFixture.commit(origin, "a.txt", "one\n");
        c2 = GitFixture.commit(origin, "b.txt", "two\n");
        c3 = GitFixture.commit(origin, "c.txt", "three\n");
        c4 = GitFixture.commit(origin, "d.txt", "four\n");
    }

    /** The Actions checkout: a clone of origin over file://, with extra clone flags (--depth 1). */
    private Path checkout(String... flags) {
        Path checkout = tmp.resolve("checkout");
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("clone", "-q"));
        args.addAll(java.util.List.of(flags));
        args.add("file://" + origin);
        args.add(checkout.toString());
        GitFixture.git(tmp, args.toArray(String[]::new));
        return checkout;
    }

    private record Run(int code, Map<String, String> outputs, String stdout, String stderr) {
    }

    private Run runScript(Path checkout, String eventName, String eventJson, Map<String, String> extraEnv) throws IOException {
        Path event = tmp.resolve("event.json");
        Files.writeString(event, eventJson);
        Path output = tmp.resolve("github_output");
        Files.deleteIfExists(output);
        Files.createFile(output);
        Map<String, String> env = new HashMap<>(extraEnv);
        env.put("GITHUB_EVENT_NAME", eventName);
        env.put("GITHUB_EVENT_PATH", event.toString());
        env.put("GITHUB_OUTPUT", output.toString());
        env.put("GIT_CONFIG_COUNT", "1");
        env.put("GIT_CONFIG_KEY_0", "protocol.file.allow");
        env.put("GIT_CONFIG_VALUE_0", "always");
        GitFixture.Result r = GitFixture.exec(checkout, env, null, "bash", SCRIPT.toString());
        Map<String, String> outputs = new LinkedHashMap<>();
        for (String line : Files.readAllLines(output)) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                outputs.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        return new Run(r.code(), outputs, r.stdout(), r.stderr());
    }

    private static String push(String before, String after, String ref) {
        return "{\"ref\":\"" + ref + "\",\"before\":\"" + before + "\",\"after\":\"" + after
                + "\",\"forced\":false,\"repository\":{\"default_branch\":\"main\"}}";
    }

    @Test
    void pushScansTheCommitsBetweenBeforeAndAfter() throws IOException {
        Run run = runScript(checkout(), "push", push(c2, c4, "refs/heads/main"), Map.of());
        assertEquals(0, run.code(), run.stderr());
        assertEquals("--range " + c2 + ".." + c4, run.outputs().get("args"));
    }

    @Test
    void pullRequestScansFromTheMergeBaseToTheHead() throws IOException {
        GitFixture.git(origin, "checkout", "-q", "-b", "feature", c2);
        String f1 = GitFixture.commit(origin, "feature.txt", "feature\n");
        GitFixture.git(origin, "checkout", "-q", "main");
        String event = "{\"pull_request\":{\"base\":{\"sha\":\"" + c4 + "\"},\"head\":{\"sha\":\"" + f1 + "\"}},"
                + "\"repository\":{\"default_branch\":\"main\"}}";
        Run run = runScript(checkout(), "pull_request", event, Map.of());
        assertEquals(0, run.code(), run.stderr());
        // base moved on after the branch point: only the PR's own commit is in the range
        assertEquals("--range " + c2 + ".." + f1, run.outputs().get("args"));
    }

    @Test
    void newBranchScansOnlyTheCommitsNotOnTheDefaultBranch() throws IOException {
        GitFixture.git(origin, "checkout", "-q", "-b", "feature", c3);
        GitFixture.commit(origin, "x.txt", "x\n");
        String f2 = GitFixture.commit(origin, "y.txt", "y\n");
        GitFixture.git(origin, "checkout", "-q", "main");
        Run run = runScript(checkout(), "push", push(ZERO, f2, "refs/heads/feature"), Map.of());
        assertEquals(0, run.code(), run.stderr());
        assertEquals("--range " + c3 + ".." + f2, run.outputs().get("args"));
    }

    @Test
    void forcePushWhosePreviousTipIsGoneFallsBackToTheBranchsOwnCommits() throws IOException {
        GitFixture.git(origin, "checkout", "-q", "-b", "feature", c3);
        GitFixture.commit(origin, "old.txt", "old\n");
        String gone = GitFixture.git(origin, "rev-parse", "HEAD");
        GitFixture.git(origin, "reset", "-q", "--hard", c3);
        String rewritten = GitFixture.commit(origin, "new.txt", "new\n");
        GitFixture.git(origin, "checkout", "-q", "main");
        GitFixture.git(origin, "reflog", "expire", "--expire=now", "--all");
        GitFixture.git(origin, "gc", "-q", "--prune=now");
        String event = "{\"ref\":\"refs/heads/feature\",\"before\":\"" + gone + "\",\"after\":\"" + rewritten
                + "\",\"forced\":true,\"repository\":{\"default_branch\":\"main\"}}";
        Run run = runScript(checkout(), "push", event, Map.of());
        assertEquals(0, run.code(), run.stderr());
        assertEquals("--range " + c3 + ".." + rewritten, run.outputs().get("args"));
        assertTrue(run.outputs().get("description").contains("force-push"), run.outputs().toString());
    }

    @Test
    void shallowCheckoutIsDeepenedUntilTheWholeRangeIsPresent() throws IOException {
        Path checkout = checkout("--depth", "1");
        assertEquals("true", GitFixture.git(checkout, "rev-parse", "--is-shallow-repository"));
        Run run = runScript(checkout, "push", push(c1, c4, "refs/heads/main"), Map.of());
        assertEquals(0, run.code(), run.stderr());
        assertEquals("--range " + c1 + ".." + c4, run.outputs().get("args"));
        // every commit of the range is now there, with its parent
        assertEquals(c1, GitFixture.git(checkout, "rev-parse", c2 + "^"));
    }

    @Test
    void scheduledScanUnshallowsForTheFullHistory() throws IOException {
        Path checkout = checkout("--depth", "1");
        Run run = runScript(checkout, "schedule", "{}", Map.of());
        assertEquals(0, run.code(), run.stderr());
        assertEquals("", run.outputs().get("args"));
        assertEquals("false", GitFixture.git(checkout, "rev-parse", "--is-shallow-repository"));
    }

    @Test
    void historyThatCannotBeFetchedFailsAndSaysToSetFetchDepthZero() throws IOException {
        Path checkout = checkout("--depth", "1");
        GitFixture.git(checkout, "remote", "set-url", "origin", "file://" + tmp.resolve("gone"));
        Run run = runScript(checkout, "push", push(c1, c4, "refs/heads/main"), Map.of());
        assertEquals(2, run.code());
        assertTrue(run.stderr().contains("fetch-depth: 0"), run.stderr());
        assertFalse(run.outputs().containsKey("args"), "no scan arguments for a range it could not see");
    }

    @Test
    void explicitModesOverrideTheEvent() throws IOException {
        Path checkout = checkout();
        Run staged = runScript(checkout, "push", push(c2, c4, "refs/heads/main"), Map.of("KEYHOUND_MODE", "staged"));
        assertEquals("--staged", staged.outputs().get("args"));
        Run range = runScript(checkout, "schedule", "{}", Map.of("KEYHOUND_MODE", "range", "KEYHOUND_RANGE", c1 + ".." + c3));
        assertEquals("--range " + c1 + ".." + c3, range.outputs().get("args"));
        Run bad = runScript(checkout, "schedule", "{}", Map.of("KEYHOUND_MODE", "sideways"));
        assertEquals(2, bad.code());
    }
}
