package dev.keyhound.cli;

import picocli.CommandLine.Option;

/** -h/--help for every command (the version option lives on the top command and `keyhound version`). */
final class HelpOption {
    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;
}
