package dev.keyhound.detect.validate;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A Solana keypair is 64 bytes, seed then public key, written as base58 (87-88 chars, Phantom's
 * export) or as a JSON array of 64 ints (the CLI's id.json). It is real when bytes 32..63 are the
 * Ed25519 public key of bytes 0..31: a definitive check that random data never passes.
 */
public final class SolanaKeypair {
    private SolanaKeypair() {
    }

    /**
     * Deriving a public key with the JDK costs a fraction of a millisecond, and a history scan
     * meets the same value in every version of a file: each thread remembers its recent answers.
     */
    private static final int REMEMBERED = 256;
    private static final ThreadLocal<Map<String, Boolean>> RECENT = ThreadLocal.withInitial(() ->
            new LinkedHashMap<>(REMEMBERED * 2, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                    return size() > REMEMBERED;
                }
            });

    /** Base58 text or a JSON int array (brackets optional). */
    public static boolean isValid(String text) {
        Map<String, Boolean> recent = RECENT.get();
        Boolean known = recent.get(text);
        if (known == null) {
            known = check(text);
            recent.put(text, known);
        }
        return known;
    }

    private static boolean check(String text) {
        String t = text.trim();
        byte[] bytes = t.indexOf(',') >= 0 ? parseIntArray(t) : t.length() >= 86 && t.length() <= 88 ? Base58.decode(t) : null;
        return bytes != null && bytes.length == 64 && matches(bytes);
    }

    static boolean matches(byte[] keypair) {
        if (!Ed25519.isPoint(keypair, 32)) {
            return false;
        }
        byte[] pub = Ed25519.publicKey(Arrays.copyOfRange(keypair, 0, 32));
        return Arrays.equals(pub, 0, 32, keypair, 32, 64);
    }

    /** 64 comma-separated ints 0..255, optionally inside brackets and with whitespace; null otherwise. */
    static byte[] parseIntArray(String text) {
        int start = 0;
        int end = text.length();
        if (text.startsWith("[")) {
            start = 1;
        }
        if (text.endsWith("]")) {
            end--;
        }
        byte[] out = new byte[64];
        int count = 0;
        int value = -1;
        boolean numberEnded = false;
        for (int i = start; i <= end; i++) {
            char c = i < end ? text.charAt(i) : ',';
            if (c >= '0' && c <= '9') {
                if (numberEnded) {
                    return null;
                }
                value = (value < 0 ? 0 : value * 10) + (c - '0');
                if (value > 255) {
                    return null;
                }
            } else if (c == ',') {
                if (value < 0 || count == 64) {
                    return null;
                }
                out[count++] = (byte) value;
                value = -1;
                numberEnded = false;
            } else if (Character.isWhitespace(c)) {
                numberEnded = value >= 0;
            } else {
                return null;
            }
        }
        return count == 64 ? out : null;
    }
}
