package dev.keyhound.report;

import dev.keyhound.finding.Finding;
import dev.keyhound.finding.FindingPart;
import dev.keyhound.rules.ProviderInfo;
import dev.keyhound.rules.Revoke;
import dev.keyhound.rules.Rule;
import dev.keyhound.rules.RuleSet;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What every report says about a finding beyond its raw data: the provider's display name, what
 * to do now, how to silence a false positive. One place, so text, JSON and SARIF never disagree.
 */
final class Advice {
    static final String TOOL_NAME = "keyhound";
    static final String INFORMATION_URI = "https://github.com/keyhound/keyhound";

    /** Used when neither the rule nor its provider says how to revoke (e.g. a rule from a gitleaks config). */
    static final Revoke GENERIC_REVOKE = new Revoke(null, List.of(
            "Revoke or rotate the credential with whoever issued it; assume it has been copied.",
            "Check the account's activity for use you do not recognise.",
            "Keep the replacement in the environment or a secrets manager, never in the repository."));

    private Advice() {
    }

    /** The findings a report shows: suppressed ones only when asked. */
    static List<Finding> visible(ScanReport report, ReportOptions options) {
        List<Finding> out = new ArrayList<>();
        for (Finding f : report.findings()) {
            if (f.suppression() == null || options.showSuppressed()) {
                out.add(f);
            }
        }
        return out;
    }

    static Optional<Rule> rule(RuleSet rules, String ruleId) {
        return rules == null ? Optional.empty() : rules.byId(ruleId);
    }

    static String providerName(RuleSet rules, String providerId) {
        if (rules != null) {
            Optional<ProviderInfo> p = rules.provider(providerId);
            if (p.isPresent() && p.get().name() != null && !p.get().name().isBlank()) {
                return p.get().name();
            }
        }
        // No provider table (a rule from a gitleaks config): the id, capitalised, reads as a name.
        return providerId == null || providerId.isEmpty() ? "Unknown"
                : Character.toUpperCase(providerId.charAt(0)) + providerId.substring(1);
    }

    /**
     * The rule's own revoke info, else its provider's, else generic advice. When context named a
     * provider other than the rule's (a generic rule's match next to "binance"), that provider's
     * advice comes first.
     */
    static Revoke revoke(RuleSet rules, String ruleId, String providerId) {
        Optional<Rule> rule = rule(rules, ruleId);
        boolean sameProvider = rule.isPresent() && providerId != null && providerId.equals(rule.get().provider());
        if (sameProvider && useful(rule.get().revoke())) {
            return rule.get().revoke();
        }
        if (rules != null) {
            Optional<ProviderInfo> p = rules.provider(providerId);
            if (p.isPresent() && useful(p.get().revoke())) {
                return p.get().revoke();
            }
        }
        if (rule.isPresent() && useful(rule.get().revoke())) {
            return rule.get().revoke();
        }
        return GENERIC_REVOKE;
    }

    static Revoke revoke(RuleSet rules, Finding f) {
        return revoke(rules, f.ruleId(), f.provider());
    }

    private static boolean useful(Revoke r) {
        return r != null && (r.url() != null || !r.steps().isEmpty());
    }

    /** "key + secret + passphrase": the parts, in credential order, each once. */
    static String partsLabel(Finding f) {
        Set<String> names = new LinkedHashSet<>();
        for (FindingPart p : f.parts()) {
            names.add(p.part() == null ? "secret" : p.part());
        }
        return String.join(" + ", names);
    }

    /** "Binance API key + secret": what a finding is, in a few words. */
    static String title(RuleSet rules, Finding f) {
        return providerName(rules, f.provider()) + " " + partsLabel(f);
    }

    static String ruleDescription(RuleSet rules, String ruleId) {
        return rule(rules, ruleId).map(Rule::description).filter(d -> d != null && !d.isBlank()).orElse(ruleId);
    }

    static String silenceHint(Finding f) {
        return "add 'keyhound:allow' in a comment on the line, or run 'keyhound ignore " + f.fingerprint()
                + " --reason \"...\"'";
    }

    static String shortCommit(String commitId) {
        return commitId == null ? null : commitId.substring(0, Math.min(12, commitId.length()));
    }
}
