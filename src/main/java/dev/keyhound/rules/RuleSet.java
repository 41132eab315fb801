package dev.keyhound.rules;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The rules of one scan, with global allowlists and the provider tables. Loaded once, immutable.
 * OWNER (loading methods): engine helper. Signatures here are the contract the CLI and reports compile against.
 */
public final class RuleSet {
    private final List<Rule> rules;
    private final List<Allowlist> globalAllowlists;
    private final Map<String, Rule> byId;
    private final Map<String, ProviderInfo> providers;
    private final Map<String, List<CompositeRequirement>> required;
    private final Set<String> skipReport;
    private static volatile RuleSet builtIn;

    private RuleSet(List<Rule> rules, List<Allowlist> globalAllowlists, Map<String, ProviderInfo> providers,
                    Map<String, List<CompositeRequirement>> required, Set<String> skipReport) {
        this.required = Map.copyOf(required);
        this.skipReport = Set.copyOf(skipReport);
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
        return new RuleSet(rules, globalAllowlists, providers, Map.of(), Set.of());
    }

    /**
     * A set with gitleaks composite rules: {@code required} maps a rule id to the rules it needs
     * nearby; rules in {@code skipReport} are matched only to satisfy such requirements.
     */
    public static RuleSet of(List<Rule> rules, List<Allowlist> globalAllowlists, Map<String, ProviderInfo> providers,
                             Map<String, List<CompositeRequirement>> required, Set<String> skipReport) {
        return new RuleSet(rules, globalAllowlists, providers, required, skipReport);
    }

    /** The rules shipped in the jar (the repository's rules/ directory). Loaded once, then shared. */
    public static RuleSet builtIn() throws RuleFileException {
        RuleSet set = builtIn;
        if (set != null) {
            return set;
        }
        // Locked so that a caller arriving while the CLI's warm-up thread loads waits for that load
        // instead of parsing and compiling every rule a second time.
        synchronized (RuleSet.class) {
            set = builtIn;
            if (set == null) {
                RuleSetAssembly a = RuleSetAssembly.empty();
                for (Map.Entry<String, String> file : BuiltInRules.read().entrySet()) {
                    a.addFile(RuleLoader.parse(file.getKey(), file.getValue()), false);
                }
                set = a.build();
                builtIn = set;
            }
            return set;
        }
    }

    /**
     * Every *.toml under dir (recursively, in name order) replaces the built-in set (--rules DIR).
     * A rule id defined twice is an error; a file whose [extend] has useDefault = true brings in
     * the built-in set first.
     */
    public static RuleSet fromDirectory(Path dir) throws RuleFileException {
        if (!Files.isDirectory(dir)) {
            throw new RuleFileException(dir.toString(), null, "not a directory");
        }
        List<Path> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.filter(p -> p.getFileName().toString().endsWith(".toml") && Files.isRegularFile(p))
                    .sorted().forEach(files::add);
        } catch (IOException | RuntimeException e) {
            throw new RuleFileException(dir.toString(), null, "cannot list: " + RuleLoader.oneLine(e.getMessage()), e);
        }
        List<ConfigFile> parsed = new ArrayList<>();
        boolean useDefault = false;
        for (Path p : files) {
            ConfigFile cf = RuleLoader.load(p);
            useDefault |= cf.extend().useDefault();
            parsed.add(cf);
        }
        RuleSetAssembly a = useDefault ? RuleSetAssembly.of(builtIn()) : RuleSetAssembly.empty();
        for (int i = 0; i < parsed.size(); i++) {
            ConfigFile cf = parsed.get(i);
            if (useDefault || cf.extend().path() != null || !cf.extend().disabledRules().isEmpty()) {
                a.applyConfig(cf, files.get(i), 0);
            } else {
                a.addFile(cf, false);
            }
        }
        return a.build();
    }

    /**
     * This set plus the rules and allowlists of a user's config, ours or gitleaks' (--config FILE).
     * The config extends this set as gitleaks' [extend] extends its defaults: a rule with an id
     * already here is merged into it, [extend] disabledRules removes rules of this set, and
     * [extend] path loads another file first. A config without [extend] still adds to this set.
     */
    public RuleSet withConfig(Path configFile) throws RuleFileException {
        RuleSetAssembly a = RuleSetAssembly.of(this);
        a.applyConfig(RuleLoader.load(configFile), configFile, 0);
        return a.build();
    }

    /** The rules a composite rule needs nearby (gitleaks [[rules.required]]); empty for most rules. */
    public List<CompositeRequirement> required(String ruleId) {
        return required.getOrDefault(ruleId, List.of());
    }

    /** True for a rule matched only to satisfy a composite rule (gitleaks skipReport). */
    public boolean skipsReport(String ruleId) {
        return skipReport.contains(ruleId);
    }

    public List<Rule> rules() {
        return rules;
    }

    public List<Allowlist> globalAllowlists() {
        return globalAllowlists;
    }

    /** This set without the rules with the given ids (their composite requirements go with them). */
    public RuleSet without(Set<String> ruleIds) {
        Map<String, List<CompositeRequirement>> req = new LinkedHashMap<>(required);
        req.keySet().removeAll(ruleIds);
        return new RuleSet(rules.stream().filter(r -> !ruleIds.contains(r.id())).toList(), globalAllowlists, providers,
                req, skipReport.stream().filter(id -> !ruleIds.contains(id)).collect(java.util.stream.Collectors.toSet()));
    }

    /** True for a rule shipped in the jar (loaded from the built-in rules/ directory). */
    public static boolean isBuiltIn(Rule rule) {
        return rule.file() != null && rule.file().startsWith(BuiltInRules.ROOT);
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
