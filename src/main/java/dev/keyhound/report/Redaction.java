package dev.keyhound.report;

import dev.keyhound.finding.Finding;
import dev.keyhound.finding.FindingPart;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The one place secrets are hidden. A redacted secret keeps a short prefix (enough to recognise a
 * provider's format or tell two keys apart) and ends in an ellipsis; the rest never leaves the process.
 *
 * <ul>
 *   <li>16 chars or more: the first 4, then {@code …}</li>
 *   <li>8 to 15 chars: the first 2, then {@code …}</li>
 *   <li>shorter: {@code …} alone (a prefix of a short secret gives too much away)</li>
 * </ul>
 *
 * A line is redacted by replacing every occurrence of every part's secret in it, longest first;
 * a multi-line secret (a PEM key) is also replaced line by line, since a report line holds only
 * one line of it, and a JSON-escaped one (literal {@code \n}) piece by piece. Then every other
 * long key-like run of characters is masked too: a line often holds
 * more than the one secret a rule matched (the rest of an escaped PEM body, a second credential),
 * and a report must not print those in clear either.
 */
public final class Redaction {
    public static final String ELLIPSIS = "…";

    /** Pieces of a multi-line secret shorter than this are left alone (PEM dashes, base64 padding). */
    private static final int MIN_PIECE = 8;

    private final boolean enabled;

    private Redaction(boolean enabled) {
        this.enabled = enabled;
    }

    public static Redaction of(ReportOptions options) {
        return new Redaction(options == null || options.redact());
    }

    /** Always on, whatever the options: for values that must never depend on --no-redact (line hashes). */
    public static Redaction always() {
        return new Redaction(true);
    }

    public boolean enabled() {
        return enabled;
    }

    public String secret(String secret) {
        if (!enabled || secret == null) {
            return secret;
        }
        return mask(secret);
    }

    /** The line with every occurrence of each given secret redacted. */
    public String line(String lineText, List<String> secrets) {
        if (!enabled || lineText == null) {
            return lineText;
        }
        List<String> pieces = new ArrayList<>();
        for (String s : secrets) {
            if (s == null || s.isEmpty()) {
                continue;
            }
            pieces.add(s);
            if (s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0 || s.contains("\\n")) {
                for (String piece : s.split("\\r?\\n|\\r|(?:\\\\r)?\\\\n")) {
                    String t = piece.strip();
                    if (t.length() >= MIN_PIECE) {
                        pieces.add(t);
                    }
                }
            }
        }
        // Longest first, so a secret that contains another is replaced whole.
        pieces.sort(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()));
        String out = lineText;
        for (String piece : pieces) {
            out = out.replace(piece, mask(piece));
        }
        return maskKeyLikeRuns(out);
    }

    /** Runs of this length or more, mixing letters and digits, are masked wherever they stand in a shown line. */
    private static final int KEY_LIKE_RUN = 24;
    private static final java.util.regex.Pattern KEY_LIKE =
            java.util.regex.Pattern.compile("[A-Za-z0-9+/_-]{" + KEY_LIKE_RUN + ",}");

    private static String maskKeyLikeRuns(String line) {
        java.util.regex.Matcher m = KEY_LIKE.matcher(line);
        StringBuilder out = null;
        int last = 0;
        while (m.find()) {
            String run = m.group();
            if (!looksKeyLike(run)) {
                continue;
            }
            if (out == null) {
                out = new StringBuilder(line.length());
            }
            out.append(line, last, m.start()).append(mask(run));
            last = m.end();
        }
        return out == null ? line : out.append(line, last, line.length()).toString();
    }

    /**
     * Key-like: letters mixed with digits, or upper and lower case both frequent (random base62 or
     * base64). A camelCase identifier has few capitals, and a CONSTANT_NAME only one case.
     */
    private static boolean looksKeyLike(String run) {
        int digits = 0;
        int upper = 0;
        int lower = 0;
        for (int i = 0; i < run.length(); i++) {
            char c = run.charAt(i);
            if (c >= '0' && c <= '9') {
                digits++;
            } else if (Character.isUpperCase(c)) {
                upper++;
            } else if (Character.isLowerCase(c)) {
                lower++;
            }
        }
        int letters = upper + lower;
        return digits >= 3 && letters >= 3 || 4 * upper >= letters && 4 * lower >= letters;
    }

    /** A finding's line at a location, with every part's secret redacted. */
    public String line(String lineText, Finding finding) {
        return line(lineText, secretsOf(finding));
    }

    public static List<String> secretsOf(Finding finding) {
        List<String> secrets = new ArrayList<>();
        for (FindingPart p : finding.parts()) {
            secrets.add(p.secret());
        }
        return secrets;
    }

    static String mask(String secret) {
        int n = secret.length();
        int keep = n >= 16 ? 4 : n >= 8 ? 2 : 0;
        // Never split a surrogate pair.
        if (keep > 0 && Character.isHighSurrogate(secret.charAt(keep - 1))) {
            keep--;
        }
        return secret.substring(0, keep) + ELLIPSIS;
    }
}
