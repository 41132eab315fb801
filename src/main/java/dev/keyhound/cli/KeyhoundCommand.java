package dev.keyhound.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "keyhound", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Find leaked secrets (crypto-exchange API keys first) in files, staged changes and git history.",
        footerHeading = "%nExamples:%n",
        footer = {
            "  keyhound scan                      scan the whole history of the repo in .",
            "  keyhound scan --staged             scan what the next commit adds",
            "  keyhound hook install              run that before every commit",
            "  keyhound scan --help               every scan option",
            ExitCodes.HELP})
final class KeyhoundCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        // No command given: show what there is, as a usage error.
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.USAGE;
    }
}
