package dev.keyhound.rules;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds a {@link RuleSet} from a base set and rule files, with gitleaks' [extend] semantics: a
 * rule whose id is already in the base overrides the base rule's scalar keys and adds to its
 * tags, keywords and allowlists; disabledRules drop base rules; allowlists are appended.
 */
final class RuleSetAssembly {
    private static final int MAX_EXTEND_DEPTH = 2;

    private final LinkedHashMap<String, Rule> rules = new LinkedHashMap<>();
    private final List<Allowlist> allowlists = new ArrayList<>();
    private final Map<String, ProviderInfo> providers = new HashMap<>();
    private final Map<String, List<CompositeRequirement>> required = new HashMap<>();
    private final Set<String> skipReport = new HashSet<>();
    private final Map<Allowlist, String> allowlistFile = new java.util.IdentityHashMap<>();

    static RuleSetAssembly of(RuleSet base) {
        RuleSetAssembly a = new RuleSetAssembly();
        for (Rule r : base.rules()) {
            a.rules.put(r.id(), r);
            if (!base.required(r.id()).isEmpty()) {
                a.required.put(r.id(), base.required(r.id()));
            }
            if (base.skipsReport(r.id())) {
                a.skipReport.add(r.id());
            }
        }
        a.allowlists.addAll(base.globalAllowlists());
        a.providers.putAll(base.providers());
        return a;
    }

    static RuleSetAssembly empty() {
        return new RuleSetAssembly();
    }

    /**
     * Applies a user config over this set: its [extend] path is loaded first, disabledRules are
     * removed from what it extends, then its own rules are merged in.
     */
    void applyConfig(ConfigFile cf, Path configFile, int depth) throws RuleFileException {
        if (cf.extend().path() != null) {
            if (depth >= MAX_EXTEND_DEPTH) {
                throw new RuleFileException(cf.file(), null, "[extend] nested more than " + MAX_EXTEND_DEPTH + " deep");
            }
            Path base = configFile.toAbsolutePath().getParent();
            Path extended = base == null ? Path.of(cf.extend().path()) : base.resolve(cf.extend().path());
            applyConfig(RuleLoader.load(extended), extended, depth + 1);
        }
        for (String id : cf.extend().disabledRules()) {
            rules.remove(id);
            required.remove(id);
        }
        addFile(cf, true);
    }

    /** Adds a file's rules; with merge false a rule id already present is an error. */
    void addFile(ConfigFile cf, boolean merge) throws RuleFileException {
        if (cf.provider() != null) {
            providers.put(cf.provider().id(), cf.provider());
        }
        for (RuleSpec spec : cf.rules()) {
            Rule existing = rules.get(spec.id());
            if (existing != null && !merge) {
                throw new RuleFileException(cf.file(), spec.id(), "duplicate rule id (also in " + existing.file() + ")");
            }
            Rule built = existing == null ? build(spec, cf.provider()) : merge(existing, spec, cf.provider());
            rules.put(spec.id(), built);
            if (!spec.required().isEmpty()) {
                List<CompositeRequirement> all = new ArrayList<>(required.getOrDefault(spec.id(), List.of()));
                all.addAll(spec.required());
                required.put(spec.id(), List.copyOf(all));
            }
            if (spec.skipReport() != null) {
                if (spec.skipReport()) {
                    skipReport.add(spec.id());
                } else {
                    skipReport.remove(spec.id());
                }
            }
        }
        allowlists.addAll(cf.allowlists());
        cf.allowlists().forEach(a -> allowlistFile.put(a, cf.file()));
    }

    RuleSet build() throws RuleFileException {
        for (Rule r : rules.values()) {
            if (r.regex() == null && r.path() == null) {
                throw new RuleFileException(r.file(), r.id(), "no regex (and no path)");
            }
            for (CompositeRequirement c : required.getOrDefault(r.id(), List.of())) {
                if (!rules.containsKey(c.ruleId())) {
                    throw new RuleFileException(r.file(), r.id(), "[[rules.required]] rule '" + c.ruleId() + "' does not exist");
                }
            }
        }
        for (Allowlist a : allowlists) {
            for (String target : a.targetRules()) {
                if (!rules.containsKey(target)) {
                    throw new RuleFileException(allowlistFile.getOrDefault(a, "allowlists"), null, "[[allowlists]] targetRules names rule '" + target + "' that does not exist");
                }
            }
        }
        required.keySet().retainAll(rules.keySet());
        skipReport.retainAll(rules.keySet());
        return RuleSet.of(List.copyOf(rules.values()), allowlists, providers, required, skipReport);
    }

    private static Rule build(RuleSpec s, ProviderInfo fileProvider) throws RuleFileException {
        String providerId = s.provider() != null ? s.provider() : fileProvider != null ? fileProvider.id() : "generic";
        Revoke providerRevoke = fileProvider != null && fileProvider.id().equals(providerId) ? fileProvider.revoke() : Revoke.NONE;
        Revoke revoke = providerRevoke;
        if (s.revoke() != null) {
            revoke = new Revoke(s.revoke().url() != null ? s.revoke().url() : providerRevoke.url(),
                    s.revoke().steps() != null ? s.revoke().steps() : providerRevoke.steps());
        }
        return new Rule(s.id(), s.description() == null ? s.id() : s.description(), s.regex(),
                s.secretGroup() == null ? 0 : s.secretGroup(), positive(s.entropy()), list(s.keywords()), s.path(),
                list(s.tags()), List.copyOf(s.allowlists()), providerId, s.part() == null ? "secret" : s.part(),
                s.severity() == null ? Severity.HIGH : s.severity(), revoke, list(s.references()), s.validate(),
                list(s.examples()), list(s.negativeExamples()), s.file());
    }

    private static Rule merge(Rule b, RuleSpec s, ProviderInfo fileProvider) throws RuleFileException {
        if (s.regex() != null && b.secretGroup() > s.regex().groupCount() && s.secretGroup() == null) {
            throw new RuleFileException(s.file(), s.id(), "secretGroup " + b.secretGroup() + " of the extended rule exceeds the new regex's groups");
        }
        Revoke revoke = b.revoke();
        if (s.revoke() != null) {
            revoke = new Revoke(s.revoke().url() != null ? s.revoke().url() : revoke.url(),
                    s.revoke().steps() != null ? s.revoke().steps() : revoke.steps());
        } else if (s.provider() != null && fileProvider != null && fileProvider.id().equals(s.provider())) {
            revoke = fileProvider.revoke();
        }
        return new Rule(b.id(),
                s.description() != null ? s.description() : b.description(),
                s.regex() != null ? s.regex() : b.regex(),
                s.secretGroup() != null && s.secretGroup() != 0 ? s.secretGroup() : b.secretGroup(),
                s.entropy() != null && s.entropy() != 0 ? s.entropy() : b.entropy(),
                concat(b.keywords(), s.keywords()),
                s.path() != null ? s.path() : b.path(),
                concat(b.tags(), s.tags()),
                concat(b.allowlists(), s.allowlists()),
                s.provider() != null ? s.provider() : b.provider(),
                s.part() != null ? s.part() : b.part(),
                s.severity() != null ? s.severity() : b.severity(),
                revoke,
                concat(b.references(), s.references()),
                s.validate() != null ? s.validate() : b.validate(),
                concat(b.examples(), s.examples()),
                concat(b.negativeExamples(), s.negativeExamples()),
                s.file());
    }

    private static Double positive(Double d) {
        return d == null || d == 0 ? null : d;
    }

    private static <T> List<T> list(List<T> l) {
        return l == null ? List.of() : List.copyOf(l);
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        if (b == null || b.isEmpty()) {
            return a;
        }
        List<T> out = new ArrayList<>(a);
        for (T t : b) {
            if (!out.contains(t)) {
                out.add(t);
            }
        }
        return List.copyOf(out);
    }
}
