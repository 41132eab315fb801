package dev.keyhound.cli;

import dev.keyhound.report.ScanReport;
import dev.keyhound.rules.RuleSet;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "scan", sortOptions = false, usageHelpAutoWidth = true,
        description = {
            "Scan files, standard input or a git repository for leaked secrets.",
            "A git repository is scanned through its whole history (every unique blob once) unless a mode says otherwise."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  keyhound scan                          whole history of the repository in .",
            "  keyhound scan src/ config.yml --no-git  plain files, .git/ ignored",
            "  keyhound scan --staged                 what the next commit adds (pre-commit)",
            "  keyhound scan --range main..HEAD       lines added by the commits of a branch",
            "  keyhound scan --format sarif -o keyhound.sarif --report json:keyhound.json",
            "  keyhound scan --baseline keyhound-baseline.json   report only new leaks",
            "  cat .env | keyhound scan -",
            ExitCodes.HELP})
final class ScanCommand implements Callable<Integer> {
    private final Io io;

    @Mixin
    TargetOptions target;

    @Mixin
    RuleOptions rules;

    @Mixin
    OutputOptions output;

    @Option(names = "--baseline", paramLabel = "FILE",
            description = "A previous keyhound report or baseline: its findings are not reported again.")
    Path baseline;

    @Option(names = "--ignore-file", paramLabel = "FILE",
            description = "Fingerprints to ignore (default: .keyhoundignore at the root of the repository or scanned directory).")
    Path ignoreFile;

    @Mixin
    HelpOption helpOption;

    ScanCommand(Io io) {
        this.io = io;
    }

    @Override
    public Integer call() throws Exception {
        List<ReportTarget> reports = output.reports();
        RuleSet ruleSet = rules.load();
        Target t = SourceFactory.open(target, io.in());
        ScanSettings settings = new ScanSettings(ignoreFile, baseline, output.showSuppressed,
                io.interactive() && !output.quiet);
        ScanReport report = new ScanPipeline(io.err()).run(t, ruleSet, settings);
        ReportOutput.writeAll(report, reports, output, io);
        boolean textOnStdout = reports.stream().anyMatch(r -> r.toStdout() && r.format() == OutputFormat.TEXT);
        if (settings.progress() && !textOnStdout) {
            // the text report ends with its own summary; other formats get this one line
            io.err().println(ScanPipeline.closingLine(report.summary()));
        }
        boolean fails = output.failOn.fails(report.findings());
        if (fails && t.mode().equals("staged")) {
            CommitAdvice.print(report, io.err());
        }
        return fails ? ExitCodes.FINDINGS : ExitCodes.CLEAN;
    }
}
