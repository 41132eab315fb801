package dev.keyhound.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The GitHub Action, the pre-commit hook definitions and the CI entry point, as files other tools read. */
class IntegrationFilesTest {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private static JsonNode yaml(String file) throws IOException {
        return YAML.readTree(Path.of(file).toFile());
    }

    private static Set<String> names(JsonNode node) {
        Set<String> names = new TreeSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void actionDeclaresItsInputsAndOutputs() throws IOException {
        JsonNode action = yaml("action.yml");
        assertEquals(Set.of("mode", "range", "config", "baseline", "fail-on", "upload-sarif", "sarif-category", "args",
                "java-version"), names(action.path("inputs")));
        assertEquals("auto", action.path("inputs").path("mode").path("default").asText());
        assertEquals("low", action.path("inputs").path("fail-on").path("default").asText());
        assertEquals(Set.of("findings", "sarif", "exit-code"), names(action.path("outputs")));
        for (JsonNode output : action.path("outputs")) {
            assertTrue(output.path("value").asText().contains("steps.scan.outputs."), output.toString());
        }
    }

    @Test
    void actionIsCompositeAndRunsTheRangeScriptTheScanAndTheUpload() throws IOException {
        JsonNode runs = yaml("action.yml").path("runs");
        assertEquals("composite", runs.path("using").asText());
        List<String> uses = new ArrayList<>();
        List<String> scripts = new ArrayList<>();
        for (JsonNode step : runs.path("steps")) {
            if (step.has("uses")) {
                uses.add(step.path("uses").asText().replaceAll("@.*", ""));
            } else {
                assertEquals("bash", step.path("shell").asText(), "every run step names its shell: " + step);
                scripts.add(step.path("run").asText());
            }
        }
        assertTrue(uses.containsAll(List.of("actions/setup-java", "actions/cache", "github/codeql-action/upload-sarif")), uses.toString());
        assertTrue(scripts.stream().anyMatch(s -> s.contains("mvn ") && s.contains("package")), "builds keyhound from source");
        assertTrue(scripts.stream().anyMatch(s -> s.contains("scripts/action-range.sh")), "decides the range with the script");
        String scan = scripts.stream().filter(s -> s.contains(" scan ")).findFirst().orElseThrow();
        assertTrue(scan.contains("sarif:") && scan.contains("markdown:") && scan.contains("GITHUB_STEP_SUMMARY"), scan);
        assertTrue(scan.contains("report count"), "the findings output comes from keyhound itself");
        JsonNode upload = null;
        for (JsonNode step : runs.path("steps")) {
            if (step.path("uses").asText().startsWith("github/codeql-action/upload-sarif")) {
                upload = step;
            }
        }
        assertTrue(upload.path("with").has("category"), "uploads with a category");
        assertTrue(upload.path("if").asText().contains("always()"), "uploads even when the scan found leaks");
        assertTrue(Files.isExecutable(Path.of("scripts/action-range.sh")));
    }

    @Test
    void preCommitHooksRunAStagedScanWithoutFilenames() throws IOException {
        JsonNode hooks = yaml(".pre-commit-hooks.yaml");
        assertTrue(hooks.isArray());
        JsonNode main = null;
        for (JsonNode hook : hooks) {
            assertTrue(Set.of("system", "script").contains(hook.path("language").asText()), hook.toString());
            assertEquals(false, hook.path("pass_filenames").asBoolean(true), hook.toString());
            if (hook.path("id").asText().equals("keyhound")) {
                main = hook;
            }
        }
        assertEquals("keyhound scan --staged", main.path("entry").asText());
    }

    @Test
    void ciRunsTheReadmeTestCommand() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        String run = Files.readString(Path.of(".ci/run"));
        String command = run.lines().filter(l -> l.startsWith("mvn")).findFirst().orElseThrow();
        assertTrue(readme.contains(command), "README gives `" + command + "`");
        JsonNode ci = yaml(".github/workflows/ci.yml");
        assertTrue(ci.path("on").has("push") && ci.path("on").has("pull_request"), ci.toString());
        assertTrue(ci.toString().contains(".ci/run"), ci.toString());
    }

    @Test
    void theLaunchersJvmFlagsAreOnesThisJvmKnows() throws Exception {
        // A misspelt flag would stop the JVM. Short and long runs choose different collectors,
        // and a JVM takes one: every other flag is tried with each.
        List<String> flags = new ArrayList<>();
        List<String> collectors = new ArrayList<>();
        java.util.regex.Matcher flag = java.util.regex.Pattern.compile("-XX:[+-]?[A-Za-z0-9]+(?:=[0-9]+)?(?=[\\s\"])")
                .matcher(Files.readString(Path.of("keyhound")));
        while (flag.find()) {
            if (flag.group().matches("-XX:\\+Use[A-Za-z]+GC")) {
                collectors.add(flag.group());
            } else if (!flag.group().equals("-XX:+IgnoreUnrecognizedVMOptions")) {
                flags.add(flag.group());
            }
        }
        assertTrue(flags.contains("-XX:TieredStopAtLevel=1"), flags.toString());
        assertEquals(List.of("-XX:+UseSerialGC", "-XX:+UseParallelGC"), collectors);
        for (String collector : collectors) {
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(flags);
            command.add(collector);
            command.add("-version");
            Process java = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(java.getInputStream().readAllBytes());
            assertEquals(0, java.waitFor(), collector + ": " + out);
        }
    }
}
