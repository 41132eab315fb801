package dev.keyhound.cli;

import dev.keyhound.rules.RuleCheck;
import dev.keyhound.rules.RuleSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** The rules package's example check, as lines for the terminal. */
final class RuleProblems {
    private RuleProblems() {
    }

    static List<String> of(RuleSet rules) {
        List<String> lines = new ArrayList<>();
        for (RuleCheck.Problem p : new RuleCheck(rules, new Random()).run()) {
            lines.add(p.toString());
        }
        return lines;
    }
}
