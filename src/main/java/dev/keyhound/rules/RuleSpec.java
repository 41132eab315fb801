package dev.keyhound.rules;

import com.google.re2j.Pattern;
import java.util.List;

/**
 * A rule as written in one file, before it is merged with a rule of the same id from a base set
 * (gitleaks' [extend] semantics) and turned into a {@link Rule}. Absent keys are null.
 */
record RuleSpec(String id, String description, Pattern regex, Integer secretGroup, Double entropy,
                List<String> keywords, Pattern path, List<String> tags, List<Allowlist> allowlists,
                List<CompositeRequirement> required, Boolean skipReport, String provider, String part,
                Severity severity, RevokeSpec revoke, List<String> references, String validate,
                List<String> examples, List<String> negativeExamples, String file) {

    /** A [rules.revoke] table; missing keys fall back to the provider's. */
    record RevokeSpec(String url, List<String> steps) {
    }
}
