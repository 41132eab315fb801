package dev.keyhound.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "version", mixinStandardHelpOptions = true, description = "Print keyhound's version.",
        footerHeading = "%nExample:%n", footer = {"  keyhound version", ExitCodes.HELP})
final class VersionCommand implements Callable<Integer> {
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
