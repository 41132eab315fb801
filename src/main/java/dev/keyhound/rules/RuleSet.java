package dev.keyhound.rules;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The rules of one scan, with global allowlists and the provider tables. Loaded once, immutable.
 * OWNER (loading methods): engine helper. Signatures here are the contract the CLI and reports compile against.
 */
public final class RuleSet {
    private final List<Rule> rules;
    private final List<Allowlist> globalAllowlists;
    private final Map<String, Rule> byId;
    private final Map<String, ProviderInfo> providers;

    private RuleSet(List<Rule> rules, List<Allowlist> globalAllowlists, Map<String, ProviderInfo> providers) {
        this.rules = List.copyOf(rules);
        this.globalAllowlists = List.copyOf(globalAllowlists);
        this.providers = Map.copyOf(providers);
        Map<String, Rule> ids = new LinkedHashMap<>();
        for (Rule r : rules) {
            if (ids.putIfAbsent(r.id(), r) != null) {
                throw new IllegalArgumentException("duplicate rule id '" + r.id() + "'");
            }
        }
        this.byId = ids;
    }

    /** A set built in code (tests, or a loader that has already validated its input). */
    public static RuleSet of(List<Rule> rules, List<Allowlist> globalAllowlists, Map<String, ProviderInfo> providers) {
        return new RuleSet(rules, globalAllowlists, providers);
    }

    /** The rules shipped in the jar (the repository's rules/ directory). */
    public static RuleSet builtIn() throws RuleFileException {
        throw new UnsupportedOperationException("rules: not built yet");
    }

    /** Every *.toml under dir replaces the built-in set (--rules DIR). */
    public static RuleSet fromDirectory(Path dir) throws RuleFileException {
        throw new UnsupportedOperationException("rules: not built yet");
    }

    /** This set plus the rules and allowlists of a user's config, ours or gitleaks' (--config FILE). */
    public RuleSet withConfig(Path configFile) throws RuleFileException {
        throw new UnsupportedOperationException("rules: not built yet");
    }

    public List<Rule> rules() {
        return rules;
    }

    public List<Allowlist> globalAllowlists() {
        return globalAllowlists;
    }

    public Optional<Rule> byId(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    public Optional<ProviderInfo> provider(String providerId) {
        return Optional.ofNullable(providers.get(providerId));
    }

    public Map<String, ProviderInfo> providers() {
        return providers;
    }
}
