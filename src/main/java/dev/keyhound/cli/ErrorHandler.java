package dev.keyhound.cli;

import dev.keyhound.rules.RuleFileException;
import dev.keyhound.source.BadTargetException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

/**
 * Turns every failure into one line on stderr and an exit code: 2 for what the user can fix
 * (flags, paths, rule files, ranges), 3 for a scan that broke. -v adds the stack trace.
 */
final class ErrorHandler implements CommandLine.IParameterExceptionHandler, CommandLine.IExecutionExceptionHandler {
    @Override
    public int handleParseException(CommandLine.ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        PrintWriter err = cmd.getErr();
        String name = cmd.getCommandSpec().qualifiedName();
        err.println(name + ": " + oneLine(ex.getMessage()) + " (see: " + name + " --help)");
        err.flush();
        return ExitCodes.USAGE;
    }

    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parseResult) {
        PrintWriter err = cmd.getErr();
        Throwable cause = userCause(ex);
        int code;
        String message;
        if (cause != null) {
            code = ExitCodes.USAGE;
            message = cause.getMessage();
        } else {
            code = ExitCodes.SCAN_FAILED;
            message = "scan failed: " + describe(rootCause(ex));
        }
        err.println("keyhound: " + oneLine(message) + (verbose(parseResult) || code == ExitCodes.USAGE ? "" : " (-v shows details)"));
        if (verbose(parseResult)) {
            ex.printStackTrace(err);
        }
        err.flush();
        return code;
    }

    /** The first exception in the chain that is the user's to fix, or null. */
    private static Throwable userCause(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof UsageException || c instanceof BadTargetException || c instanceof RuleFileException) {
                return c;
            }
        }
        return null;
    }

    private static Throwable rootCause(Throwable t) {
        Throwable c = t;
        while ((c instanceof UncheckedIOException || c instanceof CommandLine.ExecutionException) && c.getCause() != null) {
            c = c.getCause();
        }
        return c;
    }

    private static String describe(Throwable t) {
        if (t instanceof NoSuchFileException e) {
            return "no such file: " + e.getFile();
        }
        if (t instanceof AccessDeniedException e) {
            return "permission denied: " + e.getFile();
        }
        String message = t.getMessage();
        if (t instanceof IOException && message != null) {
            return message;
        }
        return message == null ? t.getClass().getSimpleName() : t.getClass().getSimpleName() + ": " + message;
    }

    private static String oneLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return (nl < 0 ? s : s.substring(0, nl)).strip();
    }

    private static boolean verbose(ParseResult pr) {
        for (ParseResult r = pr; r != null; r = r.subcommand()) {
            if (r.hasMatchedOption("--verbose")) {
                return true;
            }
        }
        return false;
    }
}
