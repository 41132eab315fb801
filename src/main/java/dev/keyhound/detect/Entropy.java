package dev.keyhound.detect;

import java.util.HashMap;
import java.util.Map;

/** Shannon entropy in bits per character, as gitleaks computes it (over code points). */
public final class Entropy {
    private Entropy() {
    }

    public static double shannon(String s) {
        if (s == null || s.isEmpty()) {
            return 0;
        }
        int[] ascii = new int[128];
        Map<Integer, Integer> other = null;
        int n = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            n++;
            if (cp < 128) {
                ascii[cp]++;
            } else {
                if (other == null) {
                    other = new HashMap<>();
                }
                other.merge(cp, 1, Integer::sum);
            }
        }
        double e = 0;
        for (int c : ascii) {
            e -= term(c, n);
        }
        if (other != null) {
            for (int c : other.values()) {
                e -= term(c, n);
            }
        }
        return e;
    }

    private static double term(int count, int n) {
        if (count == 0) {
            return 0;
        }
        double f = (double) count / n;
        return f * (Math.log(f) / Math.log(2));
    }
}
