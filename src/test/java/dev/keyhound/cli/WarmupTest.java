package dev.keyhound.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class WarmupTest {
    @Test
    void aScanWithTheBuiltInRulesIsWarmedUp() {
        assertTrue(Warmup.usesBuiltInRules(new String[] {"scan", "--staged", "--quiet"}));
        assertTrue(Warmup.usesBuiltInRules(new String[] {"scan", "--config", "my.toml", "."}));
        // after "--" an argument is a path, even one called --rules
        assertTrue(Warmup.usesBuiltInRules(new String[] {"scan", "--", "--rules"}));
    }

    @Test
    void otherCommandsAndOwnRuleDirectoriesAreNot() {
        assertFalse(Warmup.usesBuiltInRules(new String[0]));
        assertFalse(Warmup.usesBuiltInRules(new String[] {"version"}));
        assertFalse(Warmup.usesBuiltInRules(new String[] {"hook", "install"}));
        assertFalse(Warmup.usesBuiltInRules(new String[] {"scan", "--rules", "dir", "--staged"}));
        assertFalse(Warmup.usesBuiltInRules(new String[] {"scan", "--staged", "--rules=dir"}));
    }
}
