package dev.keyhound.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.keyhound.finding.Fixtures;
import dev.keyhound.rules.RuleSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AdviceTest {
    private final RuleSet rules = Fixtures.rules();

    @Test
    void revokeAdviceFollowsTheAttributedProvider() {
        assertEquals(Fixtures.REVOKE_URL, Advice.revoke(rules, Fixtures.KEY_RULE, Fixtures.EXCHANGE).url());
        assertEquals(Fixtures.REVOKE_URL, Advice.revoke(rules, Fixtures.TOKEN_RULE, Fixtures.EXCHANGE).url(),
                "a generic rule's match that context attributed to the exchange");
        assertEquals(Advice.GENERIC_REVOKE, Advice.revoke(rules, Fixtures.TOKEN_RULE, "generic"));
        assertEquals(Advice.GENERIC_REVOKE, Advice.revoke(null, "unknown-rule", "unknown"));
        assertEquals(Fixtures.REVOKE_URL, Advice.revoke(rules, Fixtures.KEY_RULE, "other").url(),
                "the rule's own advice when the named provider has none");
    }

    @Test
    void providerNamesComeFromTheProviderTable() {
        assertEquals("AcmeX", Advice.providerName(rules, Fixtures.EXCHANGE));
        assertEquals("Generic", Advice.providerName(rules, "generic"));
        assertEquals("Generic", Advice.providerName(RuleSet.of(List.of(), List.of(), Map.of()), "generic"));
        assertEquals("AcmeX API key", Advice.ruleDescription(rules, Fixtures.KEY_RULE));
        assertEquals("no-such-rule", Advice.ruleDescription(rules, "no-such-rule"));
    }
}
