package dev.keyhound.cli;

import dev.keyhound.detect.context.AttributionData;
import dev.keyhound.detect.context.KnownExamples;
import dev.keyhound.rules.RuleSet;
import dev.keyhound.source.git.GitRepos;

/**
 * Loads the built-in rule data, and does the repository-independent part of opening a repository,
 * on two threads of their own while the main thread parses the command line and opens the
 * repository. Parsing and compiling the built-in rules is the largest single cost of
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
        // Two threads: JGit's set-up (its message bundle, the user's config) and the rules each
        // took 0.13-0.14 s, one after the other, while the main thread parsed the command line
        // and then waited for both.
        daemon(Warmup::loadGit, "keyhound-warmup-git");
        daemon(Warmup::load, "keyhound-warmup");
    }

    private static void daemon(Runnable task, String name) {
        Thread t = new Thread(task, name);
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

    private static void loadGit() {
        try {
            GitRepos.warmUp();
        } catch (Exception | Error e) {
            // opening the repository does the same on the scan's thread and reports the failure there
        }
    }

    private static void load() {
        try {
            RuleSet.builtIn();
            AttributionData.builtIn();
            KnownExamples.builtIn();
        } catch (Exception | Error e) {
            // the scan loads the same data on its own thread and reports the failure there
        }
    }
}
