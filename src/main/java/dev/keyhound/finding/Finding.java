package dev.keyhound.finding;

import dev.keyhound.rules.Severity;
import java.util.List;

/**
 * One leaked credential, however many blobs, commits and paths hold it.
 *
 * @param fingerprint position-independent id (see {@link Fingerprint}); baselines, ignore files and SARIF key on it
 * @param provider    provider id
 * @param severity    final severity
 * @param note        why severity was lowered, or null
 * @param parts       the credential's parts, primary first, each with its first location
 * @param seenAt      every place the primary part was seen, first-seen first, capped
 * @param seenCount   how many places in all (may exceed seenAt.size())
 * @param stillInHead true/false for git history scans, null where it does not apply
 * @param suppression null for a live finding; "inline" (keyhound:allow), "ignore-file" or "baseline"
 *                    for one kept only to be shown as suppressed
 */
public record Finding(String fingerprint, String provider, Severity severity, String note,
                      List<FindingPart> parts, List<Location> seenAt, int seenCount, Boolean stillInHead,
                      String suppression) {
    public Finding {
        parts = List.copyOf(parts);
        seenAt = List.copyOf(seenAt);
    }

    public FindingPart primary() {
        return parts.get(0);
    }

    public String ruleId() {
        return primary().ruleId();
    }
}
