package dev.keyhound.rules;

import com.google.re2j.Pattern;
import java.util.List;

/**
 * A gitleaks-compatible allowlist: a finding is dropped when the allowlist matches it.
 *
 * @param description  free text
 * @param condition    OR (any criterion matches) or AND (all given criteria match)
 * @param regexes      patterns tested against {@code regexTarget}
 * @param regexTarget  "secret" (default), "match" or "line"
 * @param stopwords    lower-case words; the secret containing one is allowed
 * @param paths        patterns tested against the path
 * @param commits      commit ids
 * @param targetRules  for a global allowlist: the rule ids it applies to (empty = all)
 */
public record Allowlist(String description, Condition condition, List<Pattern> regexes, String regexTarget,
                        List<String> stopwords, List<Pattern> paths, List<String> commits, List<String> targetRules) {
    public enum Condition { OR, AND }
}
