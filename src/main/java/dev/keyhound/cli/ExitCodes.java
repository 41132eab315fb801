package dev.keyhound.cli;

/** The process exit codes, as documented in the README and in every command's --help. */
public final class ExitCodes {
    /** The scan ran and reported nothing at or above --fail-on. */
    public static final int CLEAN = 0;
    /** The scan ran and reported findings at or above --fail-on. */
    public static final int FINDINGS = 1;
    /** Bad flag, missing path, bad rule file, bad range, not a repository: the user can fix the command. */
    public static final int USAGE = 2;
    /** The scan itself failed (I/O error, corrupt repository, internal error). */
    public static final int SCAN_FAILED = 3;

    /** The exit-code section shared by every command's help footer. */
    public static final String HELP = "%nExit codes:%n"
            + "  0  no findings (at or above --fail-on)%n"
            + "  1  findings%n"
            + "  2  usage or configuration error: bad flag, missing path, bad rule file%n"
            + "  3  the scan itself failed";

    /** The exit-code section of the commands that do not scan. */
    public static final String HELP_COMMAND = "%nExit codes:%n"
            + "  0  done%n"
            + "  2  usage or configuration error%n"
            + "  3  failed (an I/O error)";

    private ExitCodes() {
    }
}
