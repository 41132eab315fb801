package dev.keyhound.detect;

import com.google.re2j.Pattern;
import dev.keyhound.rules.Allowlist;
import java.util.List;
import java.util.Locale;

/** gitleaks' allowlist semantics, for one candidate match. */
final class AllowlistCheck {
    private AllowlistCheck() {
    }

    /**
     * Whole-blob check, before any matching: OR allowlists whose path or commit matches, and AND
     * allowlists that have only path/commit criteria and all of them match.
     */
    static boolean blobAllowed(Allowlist a, String path, String commit) {
        boolean commitOk = commitAllowed(a, commit);
        boolean pathOk = pathAllowed(a, path);
        if (a.condition() == Allowlist.Condition.AND) {
            if (!a.regexes().isEmpty() || !a.stopwords().isEmpty()) {
                return false;
            }
            return (a.commits().isEmpty() || commitOk) && (a.paths().isEmpty() || pathOk);
        }
        return commitOk || pathOk;
    }

    /**
     * Whether the allowlist allows every blob below a directory (given with its trailing '/'),
     * whatever its name and commit: it allows by path alone, and one of its path regexes finds a
     * match in the directory's own path that no char after it can undo (the regex tests no end:
     * no '$', '\z', '\b' or '\B'), so the same match is in every path below. A vendored tree's
     * thousands of paths are then asked once per directory.
     */
    static boolean allowsBelow(Allowlist a, String directory) {
        boolean byPathAlone = a.condition() != Allowlist.Condition.AND
                || a.regexes().isEmpty() && a.stopwords().isEmpty() && a.commits().isEmpty();
        return byPathAlone && anyFind(a.paths().stream().filter(AllowlistCheck::endless).toList(), directory);
    }

    /** Whether no match of the regex depends on what follows it (it has no end or word-boundary test). */
    private static boolean endless(Pattern p) {
        String r = p.pattern();
        return !r.contains("$") && !r.contains("\\z") && !r.contains("\\b") && !r.contains("\\B");
    }

    /** Per-match check: OR looks at regexes and stopwords; AND needs every given criterion. */
    static boolean matchAllowed(Allowlist a, String secret, String match, String line, String path, String commit) {
        String target = switch (a.regexTarget()) {
            case "match" -> match;
            case "line" -> line;
            default -> secret;
        };
        boolean regexOk = anyFind(a.regexes(), target);
        boolean stopOk = containsStopword(a, secret);
        if (a.condition() == Allowlist.Condition.AND) {
            return (a.commits().isEmpty() || commitAllowed(a, commit))
                    && (a.paths().isEmpty() || pathAllowed(a, path))
                    && (a.regexes().isEmpty() || regexOk)
                    && (a.stopwords().isEmpty() || stopOk);
        }
        return regexOk || stopOk;
    }

    /** Whether {@link #matchAllowed} reads the match's lines for this allowlist (else they may be null). */
    static boolean readsLine(Allowlist a) {
        return "line".equals(a.regexTarget()) && !a.regexes().isEmpty();
    }

    static boolean appliesTo(Allowlist global, String ruleId) {
        return global.targetRules().isEmpty() || global.targetRules().contains(ruleId);
    }

    private static boolean commitAllowed(Allowlist a, String commit) {
        if (commit == null || commit.isEmpty() || a.commits().isEmpty()) {
            return false;
        }
        return a.commits().contains(commit.toLowerCase(Locale.ROOT));
    }

    private static boolean pathAllowed(Allowlist a, String path) {
        return path != null && !path.isEmpty() && anyFind(a.paths(), path);
    }

    private static boolean containsStopword(Allowlist a, String secret) {
        if (a.stopwords().isEmpty() || secret.isEmpty()) {
            return false;
        }
        String lower = secret.toLowerCase(Locale.ROOT);
        for (String w : a.stopwords()) {
            if (lower.contains(w)) {
                return true;
            }
        }
        return false;
    }

    private static boolean anyFind(List<Pattern> patterns, String s) {
        if (s == null || s.isEmpty()) {
            return false;
        }
        for (Pattern p : patterns) {
            if (RequiredLiteral.mayFind(p, s) && p.matcher(s).find()) {
                return true;
            }
        }
        return false;
    }
}
