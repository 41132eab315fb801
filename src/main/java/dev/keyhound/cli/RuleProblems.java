package dev.keyhound.cli;

import dev.keyhound.rules.RuleSet;
import java.util.List;

/** Adapter to the rules package's example checker. */
final class RuleProblems {
    private RuleProblems() {
    }

    static List<String> of(RuleSet rules) {
        throw new UsageException("rules check is not available in this build");
    }
}
