package dev.keyhound.rules;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import java.util.List;

/**
 * One detection rule, as loaded from a TOML rule file (ours or a gitleaks config). Immutable.
 * The rules package owns loading and may add components; reports and detection read these.
 *
 * @param id               unique id ("binance-api-secret")
 * @param description      one line for people
 * @param regex            RE2/J pattern
 * @param secretGroup      capture group holding the secret (0 = whole match; gitleaks default:
 *                         the first group when the regex has groups)
 * @param entropy          minimum Shannon entropy of the secret, or null
 * @param keywords         lower-case prefilter keywords; empty = the rule always runs
 * @param path             RE2/J pattern the path must match, or null
 * @param tags             free tags
 * @param allowlists       rule-scoped allowlists
 * @param provider         provider id ("binance"); "generic" when none
 * @param part             credential part ("key", "secret", "passphrase", "private-key", "token", ...)
 * @param severity         severity when found
 * @param revoke           how to revoke and replace (inherited from the provider table when absent)
 * @param references       documentation URLs
 * @param validate         name of an offline validator the secret must pass ("bip39", "base58check", ...), or null
 * @param examples         strings the rule must match (may hold {@link ExampleTemplate} placeholders)
 * @param negativeExamples strings the rule must not match
 * @param file             the file it was loaded from (for error messages)
 */
public record Rule(String id, String description, Pattern regex, int secretGroup, Double entropy,
                   List<String> keywords, Pattern path, List<String> tags, List<Allowlist> allowlists,
                   String provider, String part, Severity severity, Revoke revoke, List<String> references,
                   String validate, List<String> examples, List<String> negativeExamples, String file) {

    /**
     * The group of a match of {@link #regex} that holds the secret, as gitleaks picks it:
     * {@link #secretGroup} when set (-1 when that group did not take part); otherwise the first
     * non-empty group; the whole match (0) when there is none.
     */
    public int secretGroupOf(Matcher m) {
        if (secretGroup > 0) {
            return secretGroup <= m.groupCount() && m.start(secretGroup) >= 0 ? secretGroup : -1;
        }
        for (int g = 1; g <= m.groupCount(); g++) {
            if (m.start(g) >= 0 && m.end(g) > m.start(g)) {
                return g;
            }
        }
        return 0;
    }
}
