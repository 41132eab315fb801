package dev.keyhound.detect;

import dev.keyhound.rules.Severity;
import java.util.List;

/**
 * The parts of one credential found together in one blob: a lone token is one part; an exchange
 * key with its secret and passphrase in the same object or block is three. parts.get(0) is the
 * primary part (the one the finding is named after). {@code allowedInline} is true when a
 * {@code keyhound:allow} / {@code gitleaks:allow} comment covers it (kept only when the engine is
 * asked to keep suppressed credentials, for SARIF's --show-suppressed).
 */
public record Credential(String provider, Severity severity, List<Match> parts, boolean allowedInline) {
    public Credential {
        if (parts == null || parts.isEmpty()) {
            throw new IllegalArgumentException("a credential has at least one part");
        }
        parts = List.copyOf(parts);
    }

    public static Credential of(Match match) {
        return new Credential(match.provider(), match.severity(), List.of(match), false);
    }

    public Credential(String provider, Severity severity, List<Match> parts) {
        this(provider, severity, parts, false);
    }

    public Match primary() {
        return parts.get(0);
    }
}
