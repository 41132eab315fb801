package dev.keyhound.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keyhound.rules.Severity;
import java.io.File;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.junit.jupiter.api.Test;

/**
 * The project's own history must pass its own scan: test credentials are generated at run time,
 * never committed. Runs the real CLI (picocli, the scan pipeline, the default engine with the
 * context assembler) over every ref of the repository Maven runs in.
 */
class SelfScanTest {
    @Test
    void theProjectsOwnHistoryHasNoFindingOfLowSeverityOrAbove() throws Exception {
        File root = new File(".").getAbsoluteFile();
        FileRepositoryBuilder builder = new FileRepositoryBuilder().findGitDir(root);
        assumeTrue(builder.getGitDir() != null, "not run inside a git repository");
        File top = builder.setMustExist(true).build().getWorkTree();

        Cli.Result r = Cli.run("scan", "--quiet", "--format", "json", "--fail-on", "none", top.getPath());
        assertEquals(ExitCodes.CLEAN, r.code(), r::toString);
        JsonNode report = new ObjectMapper().readTree(r.out());
        assertEquals("history", report.path("summary").path("mode").asText(), r.out());
        List<String> serious = new ArrayList<>();
        for (JsonNode f : report.path("findings")) {
            Severity s = Severity.parse(f.path("severity").asText());
            if (s != Severity.INFO) {
                serious.add(s + " " + f.path("ruleId").asText() + " " + f.path("locations"));
            }
        }
        assertEquals(List.of(), serious, "the repository's own history leaks credential-shaped values");
    }
}
