package dev.keyhound.detect.validate;

import java.math.BigInteger;

/**
 * An EVM (secp256k1) private key: 64 hex digits, optional 0x, in [1, n). Nearly every random
 * value passes that, so the rules find these keys by context; this check only drops the
 * placeholders that context lets through: zero, out of range, and short repeating patterns
 * ("1234567890abcdef" x4, "deadbeef" x8, "ab" x32).
 */
public final class EvmPrivateKey {
    private EvmPrivateKey() {
    }

    public static boolean isValid(String text) {
        String hex = text.startsWith("0x") || text.startsWith("0X") ? text.substring(2) : text;
        if (hex.length() != 64) {
            return false;
        }
        for (int i = 0; i < 64; i++) {
            if (Character.digit(hex.charAt(i), 16) < 0) {
                return false;
            }
        }
        for (int period = 1; period <= 32; period <<= 1) {
            if (repeats(hex, period)) {
                return false;
            }
        }
        BigInteger k = new BigInteger(hex, 16);
        return k.signum() > 0 && k.compareTo(Bitcoin.SECP256K1_N) < 0;
    }

    private static boolean repeats(String hex, int period) {
        for (int i = period; i < hex.length(); i++) {
            if (Character.toLowerCase(hex.charAt(i)) != Character.toLowerCase(hex.charAt(i - period))) {
                return false;
            }
        }
        return true;
    }
}
