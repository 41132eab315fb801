package dev.keyhound.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import picocli.CommandLine;

/** The jar's entry point: `keyhound COMMAND ...`. */
public final class Main {
    /** Every command, built on demand: a run loads only the classes of the command it runs. */
    private static final Map<String, Function<Io, Object>> COMMANDS = new LinkedHashMap<>();

    static {
        COMMANDS.put("scan", ScanCommand::new);
        COMMANDS.put("rules", RulesCommand::new);
        COMMANDS.put("baseline", BaselineCommand::new);
        COMMANDS.put("ignore", IgnoreCommand::new);
        COMMANDS.put("hook", HookCommand::new);
        COMMANDS.put("report", ReportCommand::new);
        COMMANDS.put("version", VersionCommand::new);
    }

    private Main() {
    }

    public static void main(String[] args) {
        Warmup.start(args);
        int code = run(args, Io.system());
        System.out.flush();
        System.exit(code);
    }

    public static int run(String[] args, Io io) {
        return commandLine(io, args.length > 0 ? args[0] : null).execute(args);
    }

    /**
     * The command line for a run whose first argument is {@code first}. When it names a command, only
     * that command is registered, which keeps a pre-commit run from loading the others' classes; the
     * full tree (for `keyhound --help` and suggestions) costs nothing more than a few milliseconds.
     */
    static CommandLine commandLine(Io io, String first) {
        CommandLine cl = new CommandLine(new KeyhoundCommand());
        if (first != null && COMMANDS.containsKey(first)) {
            cl.addSubcommand(first, COMMANDS.get(first).apply(io));
        } else {
            COMMANDS.forEach((name, factory) -> cl.addSubcommand(name, factory.apply(io)));
        }
        ErrorHandler errors = new ErrorHandler();
        cl.setOut(new PrintWriter(io.out(), true));
        cl.setErr(new PrintWriter(io.err(), true));
        cl.setParameterExceptionHandler(errors);
        cl.setExecutionExceptionHandler(errors);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        return cl;
    }
}
