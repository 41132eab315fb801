package dev.keyhound.cli;

import dev.keyhound.finding.Baseline;
import dev.keyhound.report.ScanReport;
import dev.keyhound.rules.RuleSet;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "baseline", 
        description = "Record today's findings so later scans (--baseline FILE) report only new leaks.",
        subcommands = BaselineCommand.Create.class,
        footerHeading = "%nExample:%n",
        footer = {"  keyhound baseline create . -o keyhound-baseline.json", ExitCodes.HELP_COMMAND})
final class BaselineCommand implements Callable<Integer> {
    @picocli.CommandLine.Mixin
    HelpOption helpOption;

    private final Io io;

    BaselineCommand(Io io) {
        this.io = io;
    }

    @Override
    public Integer call() {
        throw new UsageException("baseline needs a subcommand: keyhound baseline create [PATH] -o FILE");
    }

    @Command(name = "create", sortOptions = false,
            description = "Scan like `keyhound scan` and write every live finding's fingerprint to FILE (no secret is stored).",
            footerHeading = "%nExamples:%n",
            footer = {"  keyhound baseline create -o keyhound-baseline.json",
                "  keyhound scan --baseline keyhound-baseline.json", ExitCodes.HELP_COMMAND})
    static final class Create implements Callable<Integer> {
        @picocli.CommandLine.Mixin
        HelpOption helpOption;

        @picocli.CommandLine.ParentCommand
        BaselineCommand parent;

        @Mixin
        TargetOptions target;

        @Mixin
        RuleOptions rules;

        @Option(names = {"-o", "--output"}, paramLabel = "FILE", required = true, description = "The baseline file to write.")
        Path output;

        @Option(names = "--ignore-file", paramLabel = "FILE", description = "Fingerprints left out of the baseline (default: .keyhoundignore at the root).")
        Path ignoreFile;

        @Option(names = {"-q", "--quiet"}, description = "No progress on standard error.")
        boolean quiet;

        @Override
        public Integer call() throws Exception {
            Io io = parent.io;
            RuleSet ruleSet = rules.load();
            Target t = SourceFactory.open(target, io.in());
            ScanReport report = new ScanPipeline(io.err()).run(t, ruleSet,
                    new ScanSettings(ignoreFile, null, false, io.interactive() && !quiet));
            Baseline.write(report.findings(), output);
            if (!quiet) {
                io.err().println("keyhound: wrote " + report.findings().size() + " finding"
                        + (report.findings().size() == 1 ? "" : "s") + " to " + output);
            }
            return ExitCodes.CLEAN;
        }
    }
}
