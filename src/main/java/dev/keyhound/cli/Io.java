package dev.keyhound.cli;

import java.io.InputStream;
import java.io.PrintStream;

/** The standard streams a command uses; tests pass their own to capture output. */
public record Io(InputStream in, PrintStream out, PrintStream err) {
    public static Io system() {
        return new Io(System.in, System.out, System.err);
    }

    /** True when the user is watching: the JVM has a console (stdin and stdout are a terminal). */
    public boolean interactive() {
        return in == System.in && out == System.out && System.console() != null;
    }
}
