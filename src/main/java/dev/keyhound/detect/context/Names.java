package dev.keyhound.detect.context;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Splits identifiers, values, paths and comments into lower-case word tokens. */
final class Names {
    private Names() {
    }

    /** "BinanceApiSecret" / "BINANCE_API_SECRET" / "conf/connectors/binance.yml" -> binance, api, secret ... */
    static List<String> tokens(String text) {
        List<String> out = new ArrayList<>();
        if (text == null) {
            return out;
        }
        StringBuilder cur = new StringBuilder();
        char prev = 0;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (!Character.isLetterOrDigit(ch)) {
                flush(cur, out);
            } else {
                boolean camel = Character.isUpperCase(ch) && Character.isLowerCase(prev)
                        || Character.isUpperCase(ch) && Character.isUpperCase(prev) && i + 1 < text.length()
                        && Character.isLowerCase(text.charAt(i + 1));
                if (camel) {
                    flush(cur, out);
                }
                cur.append(Character.toLowerCase(ch));
            }
            prev = ch;
        }
        flush(cur, out);
        return out;
    }

    private static void flush(StringBuilder cur, List<String> out) {
        if (cur.length() > 0) {
            out.add(cur.toString());
            cur.setLength(0);
        }
    }

    /** Lower-case with every non-alphanumeric char removed ("Binance US" -> "binanceus"). */
    static String squash(String text) {
        StringBuilder b = new StringBuilder();
        for (char ch : text.toCharArray()) {
            if (Character.isLetterOrDigit(ch)) {
                b.append(ch);
            }
        }
        return b.toString().toLowerCase(Locale.ROOT);
    }

    /** Joined runs of up to three neighbouring tokens, longest first, so "binance_us" beats "binance". */
    static List<String> grams(List<String> tokens) {
        List<String> out = new ArrayList<>();
        for (int n = Math.min(3, tokens.size()); n >= 1; n--) {
            for (int i = 0; i + n <= tokens.size(); i++) {
                out.add(String.join("", tokens.subList(i, i + n)));
            }
        }
        return out;
    }
}
