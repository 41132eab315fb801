package dev.keyhound.rules;

import java.util.List;

/**
 * What to do once a credential leaked: where to revoke it and how to make the replacement safe.
 *
 * @param url   the provider's page where the credential is deleted or rotated (may be null)
 * @param steps ordered, imperative one-line steps
 */
public record Revoke(String url, List<String> steps) {
    public static final Revoke NONE = new Revoke(null, List.of());

    public Revoke {
        steps = steps == null ? List.of() : List.copyOf(steps);
    }
}
