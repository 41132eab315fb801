package dev.keyhound.cli;

import dev.keyhound.detect.context.AttributionData;
import dev.keyhound.detect.context.KnownExamples;
import dev.keyhound.rules.RuleSet;
import dev.keyhound.source.git.GitRepos;

/**
 * Loads the built-in rule data, and does the repository-independent part of opening a repository,
 * on a second thread while the main thread parses the command line
 * and opens the repository. Parsing and compiling the built-in rules is the largest single cost of
 * a pre-commit scan after JVM start; overlapping it with the rest of start-up takes it off the
 * wall time on a machine with two cores. The result is only a cache: the scan asks for the same
 * data and waits for (or redoes) the load, so a failure here is left for the scan to report.
 */
final class Warmup {
    private Warmup() {
    }

    /** Starts the warm-up when args are a scan that uses the built-in rules. */
    static void start(String[] args) {
        if (!usesBuiltInRules(args)) {
            return;
        }
        Thread t = new Thread(Warmup::load, "keyhound-warmup");
        t.setDaemon(true);
        t.start();
    }

    static boolean usesBuiltInRules(String[] args) {
        if (args.length == 0 || !args[0].equals("scan")) {
            return false;
        }
        for (String arg : args) {
            if (arg.equals("--rules") || arg.startsWith("--rules=") || arg.equals("--")) {
                return !arg.startsWith("--rules");
            }
        }
        return true;
    }

    private static void load() {
        try {
            GitRepos.warmUp();
            RuleSet.builtIn();
            AttributionData.builtIn();
            KnownExamples.builtIn();
        } catch (Exception | Error e) {
            // the scan loads the same data on its own thread and reports the failure there
        }
    }
}
