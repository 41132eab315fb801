package dev.keyhound.cli;

import dev.keyhound.rules.Rule;
import dev.keyhound.rules.RuleCheck;
import dev.keyhound.rules.RuleFileException;
import dev.keyhound.rules.RuleSet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Parameters;

@Command(name = "rules", 
        description = "List the detection rules, or check rule files against their own examples.",
        subcommands = {RulesCommand.ListRules.class, RulesCommand.Check.class},
        footerHeading = "%nExamples:%n",
        footer = {"  keyhound rules list", "  keyhound rules list --config gitleaks.toml",
            "  keyhound rules check my-rules/", ExitCodes.HELP_COMMAND})
final class RulesCommand implements Callable<Integer> {
    @picocli.CommandLine.Mixin
    HelpOption helpOption;

    private final Io io;

    RulesCommand(Io io) {
        this.io = io;
    }

    @Override
    public Integer call() {
        throw new UsageException("rules needs a subcommand: keyhound rules list | keyhound rules check [DIR]");
    }

    @Command(name = "list", 
            description = "Print a table of the rules a scan would use: id, provider, part, severity.",
            footerHeading = "%nExample:%n", footer = {"  keyhound rules list --rules my-rules/", ExitCodes.HELP_COMMAND})
    static final class ListRules implements Callable<Integer> {
        @picocli.CommandLine.Mixin
        HelpOption helpOption;

        @ParentCommand
        RulesCommand parent;

        @Mixin
        RuleOptions rules;

        @Override
        public Integer call() {
            List<String[]> rows = new ArrayList<>();
            rows.add(new String[] {"ID", "PROVIDER", "PART", "SEVERITY"});
            for (Rule r : rules.load().rules()) {
                rows.add(new String[] {r.id(), r.provider(), r.part(), r.severity() == null ? "" : r.severity().label()});
            }
            Table.print(rows, parent.io.out());
            return ExitCodes.CLEAN;
        }
    }

    @Command(name = "check", 
            description = {"Load the rule files under DIR (default: the built-in rules) and check each rule:",
                "every example must match with its expanded value as the secret, no negative example may match."},
            footerHeading = "%nExamples:%n",
            footer = {"  keyhound rules check", "  keyhound rules check rules/",
                "", "Exit codes: 0 every rule passes, 1 a rule has problems, 2 usage error."})
    static final class Check implements Callable<Integer> {
        @picocli.CommandLine.Mixin
        HelpOption helpOption;

        @ParentCommand
        RulesCommand parent;

        @Parameters(paramLabel = "DIR", arity = "0..1", description = "A directory of *.toml rule files (default: the built-in rules).")
        Path dir;

        @Override
        public Integer call() {
            RuleSet rules;
            try {
                if (dir != null && !Files.isDirectory(dir)) {
                    throw new UsageException("not a directory: " + dir);
                }
                rules = dir == null ? RuleSet.builtIn() : RuleSet.fromDirectory(dir);
            } catch (RuleFileException e) {
                parent.io.err().println("keyhound: " + e.getMessage());
                return ExitCodes.FINDINGS;
            }
            List<RuleCheck.Problem> problems = new RuleCheck(rules, new Random()).run();
            for (RuleCheck.Problem p : problems) {
                parent.io.out().println(p);
            }
            parent.io.out().println(rules.rules().size() + " rules, " + problems.size() + " problem"
                    + (problems.size() == 1 ? "" : "s"));
            return problems.isEmpty() ? ExitCodes.CLEAN : ExitCodes.FINDINGS;
        }
    }
}
