package dev.keyhound.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "report", 
        description = "Read a report keyhound wrote earlier.",
        subcommands = ReportCommand.Count.class,
        footerHeading = "%nExample:%n", footer = {"  keyhound report count keyhound.sarif", ExitCodes.HELP_COMMAND})
final class ReportCommand implements Callable<Integer> {
    @picocli.CommandLine.Mixin
    HelpOption helpOption;

    private final Io io;

    ReportCommand(Io io) {
        this.io = io;
    }

    @Override
    public Integer call() {
        throw new UsageException("report needs a subcommand: keyhound report count FILE");
    }

    @Command(name = "count", 
            description = "Print how many live (not suppressed) findings a SARIF report holds: what CI steps branch on.",
            footerHeading = "%nExample:%n", footer = {"  keyhound report count keyhound.sarif", ExitCodes.HELP_COMMAND})
    static final class Count implements Callable<Integer> {
        @picocli.CommandLine.Mixin
        HelpOption helpOption;

        @picocli.CommandLine.ParentCommand
        ReportCommand parent;

        @Parameters(paramLabel = "FILE", description = "A SARIF report written by keyhound scan.")
        Path file;

        @Override
        public Integer call() {
            parent.io.out().println(liveResults(file));
            return ExitCodes.CLEAN;
        }

        static int liveResults(Path file) {
            JsonNode root;
            try {
                root = new ObjectMapper().readTree(Files.readAllBytes(file));
            } catch (IOException e) {
                throw new UsageException("cannot read SARIF report " + file + ": " + e.getMessage(), e);
            }
            if (root == null || !root.path("runs").isArray()) {
                throw new UsageException(file + " is not a SARIF report (no runs)");
            }
            int live = 0;
            for (JsonNode run : root.path("runs")) {
                for (JsonNode result : run.path("results")) {
                    if (result.path("suppressions").isEmpty()) {
                        live++;
                    }
                }
            }
            return live;
        }
    }
}
