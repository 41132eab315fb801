package dev.keyhound.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Every built-in rule file, present and future, must pass its own examples. */
class BuiltInRulesCheckTest {
    @Test
    void everyBuiltInRuleMatchesItsExamplesAndNotItsNegatives() throws Exception {
        RuleSet set = RuleSet.builtIn();
        assertTrue(set.rules().size() >= 10, "built-in rules are loaded from keyhound/rules/");
        // Several rounds of fresh random values, so a rule that only matches by luck fails.
        for (long seed = 1; seed <= 5; seed++) {
            List<RuleCheck.Problem> problems = new RuleCheck(set, new Random(seed)).examples();
            assertEquals(List.of(), problems, "seed " + seed);
        }
    }

    @Test
    void noBuiltInEntropyThresholdDropsRandomValuesOfItsOwnFormat() throws Exception {
        assertEquals(List.of(), new RuleCheck(RuleSet.builtIn(), new Random(1)).entropyThresholds());
    }

    @Test
    void everyBuiltInProviderRuleNamesItsProviderAndRevokePage() throws Exception {
        for (Rule r : RuleSet.builtIn().rules()) {
            assertTrue(RuleSet.builtIn().provider(r.provider()).isPresent() || r.provider().equals("generic"),
                    r.id() + " names provider " + r.provider() + " without a [provider] table");
            assertTrue(!r.keywords().isEmpty(), r.id() + " has keywords, so the prefilter can skip it");
        }
    }
}
