package dev.keyhound.cli;

import dev.keyhound.finding.IgnoreFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "ignore", sortOptions = false,
        description = {"Mark a finding as a false positive by its fingerprint (as printed by scan).",
            "The fingerprint does not depend on path or line, so the entry survives moves and rebases."},
        footerHeading = "%nExample:%n",
        footer = {"  keyhound ignore 3f2a...e9 --reason \"test fixture, not a real key\"", ExitCodes.HELP_COMMAND})
final class IgnoreCommand implements Callable<Integer> {
    @picocli.CommandLine.Mixin
    HelpOption helpOption;

    private static final Pattern FINGERPRINT = Pattern.compile("[0-9a-f]{64}");

    private final Io io;

    @Parameters(paramLabel = "FINGERPRINT", description = "The finding's fingerprint (64 hex digits).")
    String fingerprint;

    @Option(names = "--reason", paramLabel = "TEXT", description = "Why it is not a leak (kept as a comment).")
    String reason;

    @Option(names = "--file", paramLabel = "FILE",
            description = "The ignore file (default: .keyhoundignore at the root of the repository containing ., else in .).")
    Path file;

    IgnoreCommand(Io io) {
        this.io = io;
    }

    @Override
    public Integer call() throws Exception {
        String fp = fingerprint.trim().toLowerCase(Locale.ROOT);
        if (!FINGERPRINT.matcher(fp).matches()) {
            throw new UsageException("'" + fingerprint + "' is not a fingerprint (64 hex digits, as scan prints it)");
        }
        Path target = file != null ? file : defaultFile();
        boolean added = IgnoreFile.append(target, fp, reason);
        io.out().println(added ? "added " + fp + " to " + target : fp + " is already in " + target);
        return ExitCodes.CLEAN;
    }

    /** .keyhoundignore at the top of the enclosing work tree, where scan looks for it. */
    private static Path defaultFile() {
        Path dir = Path.of("").toAbsolutePath();
        for (Path d = dir; d != null; d = d.getParent()) {
            if (Files.exists(d.resolve(".git"))) {
                return d.resolve(ScanSettings.DEFAULT_IGNORE_FILE);
            }
        }
        return dir.resolve(ScanSettings.DEFAULT_IGNORE_FILE);
    }
}
