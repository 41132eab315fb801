package dev.keyhound.rules;

import java.util.List;

/**
 * One parsed rule file or config: its provider table, rules, global allowlists and gitleaks
 * {@code [extend]} section.
 */
record ConfigFile(String file, String title, ProviderInfo provider, List<RuleSpec> rules,
                  List<Allowlist> allowlists, Extend extend) {

    /** gitleaks' [extend]: useDefault (extend the built-in set), path (extend another file), disabledRules. */
    record Extend(boolean useDefault, String path, List<String> disabledRules) {
        static final Extend NONE = new Extend(false, null, List.of());
    }
}
