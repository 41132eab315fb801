package dev.keyhound.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "version", description = "Print keyhound's version.",
        footerHeading = "%nExample:%n", footer = {"  keyhound version", ExitCodes.HELP_COMMAND})
final class VersionCommand implements Callable<Integer> {
    @picocli.CommandLine.Mixin
    HelpOption helpOption;

    private final Io io;

    VersionCommand(Io io) {
        this.io = io;
    }

    @Override
    public Integer call() {
        io.out().println("keyhound " + Version.current());
        return ExitCodes.CLEAN;
    }
}
