package dev.keyhound.rules;

import com.google.re2j.Matcher;
import dev.keyhound.detect.Credential;
import dev.keyhound.detect.Engine;
import dev.keyhound.detect.EngineOptions;
import dev.keyhound.detect.Entropy;
import dev.keyhound.detect.Match;
import dev.keyhound.detect.context.CredentialAssembler;
import dev.keyhound.source.Blob;
import dev.keyhound.source.Origin;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;

/**
 * Checks every rule of a set against its own examples, through the real {@link Engine}: each
 * example, expanded with fresh random values ({@link ExampleExpansion}), must give a finding of
 * that rule whose secret is the example's secret; each negative example must give none. Used by
 * {@code keyhound rules check} and by the test suite, so a new rule file is checked automatically.
 *
 * <p>It checks the rule layer alone (prefilter, regex, secret group, entropy, placeholder filter,
 * validator, allowlists) with {@link CredentialAssembler#SINGLE}: an example is one line out of
 * its file, so the context assembler's attribution and pairing (which read the surroundings)
 * would judge it on context it does not have. What the assembler does with a rule's matches is
 * tested on whole files by the context tests.
 *
 * <p>A rule's entropy threshold is checked too, on {@value #ENTROPY_SAMPLES} values of each
 * example's format drawn from a seed the example fixes (so the check gives the same answer on
 * every run): none may come within {@value #ENTROPY_MARGIN} bits per char of the threshold. The
 * left tail of a short key's entropy is long (one 32-hex key in 10,000 is at or below 3.0, though
 * the mean is 3.6), and a threshold in it drops that share of real keys and makes the check
 * above fail now and then.
 */
public final class RuleCheck {
    /** One failed check. */
    public record Problem(String ruleId, String example, String why) {
        @Override
        public String toString() {
            return ruleId + ": " + why + ": " + example;
        }
    }

    static final int ENTROPY_SAMPLES = 1000;
    static final double ENTROPY_MARGIN = 0.3;

    private final RuleSet rules;
    private final Random random;

    public RuleCheck(RuleSet rules, Random random) {
        this.rules = rules;
        this.random = random;
    }

    /** Both checks: {@link #examples()} and {@link #entropyThresholds()}. */
    public List<Problem> run() {
        List<Problem> problems = new ArrayList<>(examples());
        problems.addAll(entropyThresholds());
        return problems;
    }

    /** Each rule against its examples and negative examples, expanded with this check's random. */
    public List<Problem> examples() {
        Engine shared = new Engine(rules, EngineOptions.DEFAULT, CredentialAssembler.SINGLE);
        List<Problem> problems = new ArrayList<>();
        for (Rule rule : rules.rules()) {
            if (rule.regex() == null) {
                continue;
            }
            Engine engine = rule.path() == null ? shared : new Engine(withoutPath(rule), EngineOptions.DEFAULT,
                    CredentialAssembler.SINGLE);
            if (rule.examples().isEmpty() && rule.file() != null && rule.file().startsWith(BuiltInRules.ROOT)) {
                problems.add(new Problem(rule.id(), "", "a built-in rule needs at least one example"));
            }
            for (String example : rule.examples()) {
                ExampleExpansion ex;
                try {
                    ex = ExampleExpansion.expand(example, random);
                } catch (IllegalArgumentException e) {
                    problems.add(new Problem(rule.id(), example, e.getMessage()));
                    continue;
                }
                if (ex.value() == null) {
                    problems.add(new Problem(rule.id(), example, "example has no placeholder (never write a literal credential)"));
                    continue;
                }
                List<Match> found = matches(engine, rule, ex.text());
                if (found.stream().noneMatch(m -> ex.isSecret(m.secret()))) {
                    problems.add(new Problem(rule.id(), ex.text(), found.isEmpty() ? "no finding"
                            : "finding with the wrong secret '" + found.get(0).secret() + "'"));
                }
            }
            for (String negative : rule.negativeExamples()) {
                String text = ExampleTemplate.isTemplate(negative) ? ExampleTemplate.expand(negative, random) : negative;
                List<Match> found = matches(engine, rule, text);
                if (!found.isEmpty()) {
                    problems.add(new Problem(rule.id(), text, "negative example gave a finding '" + found.get(0).secret() + "'"));
                }
            }
        }
        return problems;
    }

    /**
     * Each entropy threshold against the values of its rule's examples (see the class comment);
     * the same answer on every run.
     */
    public List<Problem> entropyThresholds() {
        List<Problem> problems = new ArrayList<>();
        for (Rule rule : rules.rules()) {
            if (rule.regex() == null || rule.entropy() == null) {
                continue;
            }
            for (String example : rule.examples()) {
                try {
                    entropyProblem(rule, example).ifPresent(problems::add);
                } catch (IllegalArgumentException e) {
                    // an unknown placeholder kind: examples() reports it
                }
            }
        }
        return problems;
    }

    private static Optional<Problem> entropyProblem(Rule rule, String example) {
        Random sampler = new Random(example.hashCode());
        double lowest = Double.MAX_VALUE;
        for (int i = 0; i < ENTROPY_SAMPLES; i++) {
            Matcher m = rule.regex().matcher(ExampleTemplate.expand(example, sampler));
            int g = m.find() ? rule.secretGroupOf(m) : -1;
            if (g >= 0) {
                lowest = Math.min(lowest, Entropy.shannon(m.group(g)));
            }
        }
        if (lowest > rule.entropy() + ENTROPY_MARGIN) {
            return Optional.empty();
        }
        return Optional.of(new Problem(rule.id(), example, String.format(Locale.ROOT,
                "entropy %.2f is within %.1f of random values of this example (lowest of %d: %.2f), so real keys "
                        + "in the tail are missed: set %.1f or less", rule.entropy(), ENTROPY_MARGIN, ENTROPY_SAMPLES,
                lowest, Math.floor((lowest - ENTROPY_MARGIN) * 10) / 10)));
    }

    private RuleSet withoutPath(Rule r) {
        List<Rule> all = new ArrayList<>();
        for (Rule o : rules.rules()) {
            all.add(o != r ? o : new Rule(r.id(), r.description(), r.regex(), r.secretGroup(), r.entropy(), r.keywords(),
                    null, r.tags(), r.allowlists(), r.provider(), r.part(), r.severity(), r.revoke(), r.references(),
                    r.validate(), r.examples(), r.negativeExamples(), r.file()));
        }
        java.util.Map<String, List<CompositeRequirement>> req = new java.util.HashMap<>();
        java.util.Set<String> skip = new java.util.HashSet<>();
        for (Rule o : rules.rules()) {
            if (!rules.required(o.id()).isEmpty()) {
                req.put(o.id(), rules.required(o.id()));
            }
            if (rules.skipsReport(o.id())) {
                skip.add(o.id());
            }
        }
        return RuleSet.of(all, rules.globalAllowlists(), rules.providers(), req, skip);
    }

    private static List<Match> matches(Engine engine, Rule rule, String text) {
        Blob blob = new Blob(Origin.file("rule-example.txt"), text.getBytes(StandardCharsets.UTF_8));
        List<Match> out = new ArrayList<>();
        for (Credential c : engine.detect(blob)) {
            for (Match m : c.parts()) {
                if (m.ruleId().equals(rule.id())) {
                    out.add(m);
                }
            }
        }
        return out;
    }
}
