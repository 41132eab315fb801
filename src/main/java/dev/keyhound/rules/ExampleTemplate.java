package dev.keyhound.rules;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.function.BiFunction;
import java.util.regex.Pattern;

/**
 * Expands the placeholders in a rule's {@code examples}, so that rule files hold no literal
 * credential (the project's own history must pass its own scan) while every test run still
 * checks the rule against fresh, random, format-exact values.
 *
 * <p>Syntax: {@code {{kind:arg}}} or {@code {{kind}}}. Within one example, a placeholder with a
 * trailing {@code #n} (e.g. {@code {{hex:32#1}}}) expands to the same value wherever it repeats.
 * Kinds: {@code alnum:N} (base62), {@code hex:N}, {@code HEX:N}, {@code lower:N}, {@code upper:N},
 * {@code digits:N}, {@code base64:N} (standard alphabet, no padding), {@code base64url:N},
 * {@code base58:N}, {@code base32:N} (A-Z, 2-7), {@code uuid} (version 4), {@code printable:N}.
 * More kinds (checksummed wallet formats) are registered in {@link #GENERATORS}.
 */
public final class ExampleTemplate {
    static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([A-Za-z0-9_-]+)(?::([^}#]*))?(?:#(\\w+))?}}");

    static final String BASE62 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    static final String BASE64 = BASE62 + "+/";
    static final String BASE64URL = BASE62 + "-_";
    static final String BASE58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";

    /** kind -> (arg, random) -> value. */
    static final Map<String, BiFunction<String, Random, String>> GENERATORS = new HashMap<>();

    static {
        GENERATORS.put("alnum", (arg, r) -> pick(BASE62, arg, r));
        GENERATORS.put("hex", (arg, r) -> pick("0123456789abcdef", arg, r));
        GENERATORS.put("HEX", (arg, r) -> pick("0123456789ABCDEF", arg, r));
        GENERATORS.put("lower", (arg, r) -> pick("abcdefghijklmnopqrstuvwxyz", arg, r));
        GENERATORS.put("upper", (arg, r) -> pick("ABCDEFGHIJKLMNOPQRSTUVWXYZ", arg, r));
        GENERATORS.put("digits", (arg, r) -> pick("0123456789", arg, r));
        GENERATORS.put("base64", (arg, r) -> pick(BASE64, arg, r));
        GENERATORS.put("base64url", (arg, r) -> pick(BASE64URL, arg, r));
        GENERATORS.put("base58", (arg, r) -> pick(BASE58, arg, r));
        GENERATORS.put("base32", (arg, r) -> pick("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", arg, r));
        GENERATORS.put("printable", (arg, r) -> pick(BASE62 + "!#$%&()*+,-./:;<=>?@[]^_{|}~", arg, r));
        GENERATORS.put("uuid", (arg, r) -> uuid4(r));
        // checksummed and structured secrets (BIP39, WIF, xprv, Solana, PEM keys, bot tokens)
        GENERATORS.putAll(dev.keyhound.detect.validate.WalletExamples.generators());
    }

    private ExampleTemplate() {
    }

    /** True when the text holds at least one placeholder. */
    public static boolean isTemplate(String text) {
        return PLACEHOLDER.matcher(text).find();
    }

    public static String expand(String template, Random random) {
        return ExampleExpansion.expand(template, random).text();
    }

    private static String pick(String alphabet, String arg, Random r) {
        return dev.keyhound.detect.validate.WalletExamples.pick(alphabet, Integer.parseInt(arg == null ? "32" : arg.trim()), r);
    }

    private static String uuid4(Random r) {
        String h = pick("0123456789abcdef", "32", r);
        char variant = "89ab".charAt(r.nextInt(4));
        return h.substring(0, 8) + "-" + h.substring(8, 12) + "-4" + h.substring(13, 16) + "-" + variant
                + h.substring(17, 20) + "-" + h.substring(20, 32);
    }
}
