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
            "****", "....", "changeme", "change_me", "change-me", "placeholder", "replace_me",
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
        if (SHAPES.matcher(secret).find() || hasMask(secret)) {
            return true;
        }
        return !validated && hasRunOrSequence(secret);
    }

    /**
     * True when the secret holds a mask of x's: a run of at least 4 of one of 'x' or 'X' at its
     * start or end or next to a separator ({@code sk-xxxx}, {@code 1234-XXXX-5678}), or of at
     * least 6 anywhere. A random base62 key holds a bare "xXxX" about once in 10,000 and was
     * dropped as a mask when any four x's of either case counted; these shapes need one case,
     * and a place random text rarely gives it (below one in ten million for a 64-char key).
     */
    static boolean hasMask(String s) {
        int n = s.length();
        for (int i = 0; i < n; ) {
            char c = s.charAt(i);
            if (c != 'x' && c != 'X') {
                i++;
                continue;
            }
            int j = i;
            while (j < n && s.charAt(j) == c) {
                j++;
            }
            int run = j - i;
            boolean edge = i == 0 || j == n || !Character.isLetterOrDigit(s.charAt(i - 1))
                    || !Character.isLetterOrDigit(s.charAt(j));
            if (run >= 6 || run >= 4 && edge) {
                return true;
            }
            i = j;
        }
        return false;
    }

    /**
     * True when two thirds of the secret are one character (either case), or it holds a run of 8
     * identical characters or an 8-long ascending/descending sequence (abcdefgh, 12345678): odds
     * for a random 40-char base62 key are below one in a million. Two thirds, not more than half:
     * five of an 8-char id's characters are one letter about once in 15,000 random ids (a
     * Deribit client id).
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
            if (max * 3 > n * 2) {
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
