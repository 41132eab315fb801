package dev.keyhound.detect;

import com.google.re2j.Pattern;
import java.util.List;
import java.util.Locale;

/**
 * Secrets that are obviously not credentials, whatever rule found them: template variables,
 * "your key here" text, masked values, runs of one character or of a sequence, and environment
 * lookups. Applied to every rule's secret.
 */
public final class PlaceholderFilter {
    /** Lower-case fragments that no generated credential holds but placeholders often do. */
    private static final List<String> WORDS = List.of(
            "your_", "your-", "yourapi", "yourkey", "yoursecret", "yourtoken", "your.", "<your",
            "xxxx", "****", "....", "changeme", "change_me", "change-me", "placeholder", "replace_me",
            "replaceme", "replace-me", "insert_", "insert-", "redacted", "dummy", "notreal",
            "not_real", "fake_", "_here", "-here");

    /** Whole-secret shapes: ${VAR}, $VAR, {{ x }}, <API_KEY>, %(x)s, @VAR@, env lookups. */
    private static final Pattern SHAPES = Pattern.compile(
            "^(?:\\$\\{[^}]*\\}|\\$[A-Za-z_][A-Za-z0-9_]*|\\{\\{.*\\}\\}|\\{%.*%\\}|<[^<>]*>|%\\([^)]*\\)s|@[A-Z_]+@"
                    + "|\\[[A-Z_ -]+\\])$"
                    + "|(?i)(?:os\\.environ|os\\.getenv|getenv\\(|process\\.env\\b|env\\(|ENV\\[|System\\.getenv"
                    + "|secrets\\.|vars\\.|\\$\\{\\{)");

    private PlaceholderFilter() {
    }

    public static boolean isPlaceholder(String secret) {
        return isPlaceholder(secret, false);
    }

    /**
     * As {@link #isPlaceholder(String)}; for a value its rule's validator accepted (a checksummed
     * seed phrase, a key whose DER parses), the checks such a value can fail by chance are skipped:
     * "example" (a BIP39 word, in about 0.6% of 12-word phrases) and runs or sequences (a DER body
     * holds runs of 'A'). The rest (your_, _here, xxxx, ${VAR}, ...) still applies, because some
     * validators check only part of a value (a Discord token's id segment).
     */
    public static boolean isPlaceholder(String secret, boolean validated) {
        if (secret.isEmpty()) {
            return true;
        }
        String lower = secret.toLowerCase(Locale.ROOT);
        if (!validated && lower.contains("example")) {
            return true;
        }
        for (String w : WORDS) {
            if (lower.contains(w)) {
                return true;
            }
        }
        if (SHAPES.matcher(secret).find()) {
            return true;
        }
        return !validated && hasRunOrSequence(secret);
    }

    /**
     * True when the secret is mostly one repeated character, or holds a run of 8 identical
     * characters or an 8-long ascending/descending sequence (abcdefgh, 12345678): odds for a
     * random 40-char base62 key are below one in a million.
     */
    static boolean hasRunOrSequence(String s) {
        int n = s.length();
        if (n >= 6) {
            int[] counts = new int[128];
            int max = 0;
            for (int i = 0; i < n; i++) {
                char c = s.charAt(i);
                if (c < 128 && Character.isLetterOrDigit(c)) {
                    max = Math.max(max, ++counts[Character.toLowerCase(c)]);
                }
            }
            if (max * 2 > n) {
                return true;
            }
        }
        int same = 1;
        int up = 1;
        int down = 1;
        for (int i = 1; i < n; i++) {
            char a = s.charAt(i - 1);
            char b = s.charAt(i);
            boolean alnum = Character.isLetterOrDigit(a) && Character.isLetterOrDigit(b);
            same = alnum && a == b ? same + 1 : 1;
            up = alnum && b == a + 1 ? up + 1 : 1;
            down = alnum && b == a - 1 ? down + 1 : 1;
            if (same >= 8 || up >= 8 || down >= 8) {
                return true;
            }
        }
        return false;
    }
}
