package dev.keyhound.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "hook", 
        description = {"Install or remove keyhound's git hooks (without the pre-commit framework).",
            "The hook goes where git runs hooks from (core.hooksPath, or the shared hooks/ of all worktrees).",
            "An existing hook is kept and run first; uninstall puts it back."},
        subcommands = {HookCommand.Install.class, HookCommand.Uninstall.class},
        footerHeading = "%nExamples:%n",
        footer = {"  keyhound hook install              scan staged changes before each commit",
            "  keyhound hook install --pre-push   scan the pushed commits before each push",
            "  keyhound hook uninstall", ExitCodes.HELP_COMMAND})
final class HookCommand implements Callable<Integer> {
    @picocli.CommandLine.Mixin
    HelpOption helpOption;

    /** Set by the keyhound launcher script to its own absolute path, so hooks run the same keyhound. */
    static final String LAUNCHER_ENV = "KEYHOUND_LAUNCHER";

    private final Io io;

    HookCommand(Io io) {
        this.io = io;
    }

    @Override
    public Integer call() {
        throw new UsageException("hook needs a subcommand: keyhound hook install | keyhound hook uninstall");
    }

    @Command(name = "install", sortOptions = false,
            description = "Install the pre-commit hook (or, with --pre-push, the pre-push hook).",
            footerHeading = "%nExamples:%n",
            footer = {"  keyhound hook install", "  keyhound hook install --pre-push --force", ExitCodes.HELP_COMMAND})
    static final class Install implements Callable<Integer> {
        @picocli.CommandLine.Mixin
        HelpOption helpOption;

        @ParentCommand
        HookCommand parent;

        @Option(names = "--pre-push", description = "Install the pre-push hook instead: scans the commits being pushed.")
        boolean prePush;

        @Option(names = "--force", description = "Rewrite keyhound's hook when it is already installed.")
        boolean force;

        @Option(names = "--repo", paramLabel = "DIR", description = "The repository (default: the one containing .).")
        Path repo = Path.of(".");

        @Option(names = "--keyhound", paramLabel = "COMMAND",
                description = "The keyhound executable the hook runs (default: this launcher, else keyhound on PATH).")
        String command;

        @Override
        public Integer call() throws Exception {
            String cmd = command != null ? command
                    : System.getenv(LAUNCHER_ENV) != null ? System.getenv(LAUNCHER_ENV) : "keyhound";
            HookInstaller installer = new HookInstaller(repo);
            parent.io.out().println(installer.install(prePush ? HookType.PRE_PUSH : HookType.PRE_COMMIT, cmd, force));
            return ExitCodes.CLEAN;
        }
    }

    @Command(name = "uninstall", 
            description = "Remove keyhound's hook and restore the hook it replaced.",
            footerHeading = "%nExample:%n", footer = {"  keyhound hook uninstall", ExitCodes.HELP_COMMAND})
    static final class Uninstall implements Callable<Integer> {
        @picocli.CommandLine.Mixin
        HelpOption helpOption;

        @ParentCommand
        HookCommand parent;

        @Option(names = "--pre-push", description = "Remove the pre-push hook instead.")
        boolean prePush;

        @Option(names = "--repo", paramLabel = "DIR", description = "The repository (default: the one containing .).")
        Path repo = Path.of(".");

        @Override
        public Integer call() throws Exception {
            HookInstaller installer = new HookInstaller(repo);
            parent.io.out().println(installer.uninstall(prePush ? HookType.PRE_PUSH : HookType.PRE_COMMIT));
            return ExitCodes.CLEAN;
        }
    }
}
