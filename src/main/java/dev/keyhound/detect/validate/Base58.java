package dev.keyhound.detect.validate;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/** Bitcoin's Base58 alphabet and Base58Check (payload + first 4 bytes of double SHA-256). */
public final class Base58 {
    static final String ALPHABET = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
    private static final int[] INDEX = new int[128];

    static {
        Arrays.fill(INDEX, -1);
        for (int i = 0; i < ALPHABET.length(); i++) {
            INDEX[ALPHABET.charAt(i)] = i;
        }
    }

    private Base58() {
    }

    /** The decoded bytes, or null when the text holds a character outside the alphabet. */
    public static byte[] decode(CharSequence text) {
        int zeros = 0;
        while (zeros < text.length() && text.charAt(zeros) == '1') {
            zeros++;
        }
        // base-256 digits of the number, little-endian; log(58)/log(256) < 0.733
        byte[] acc = new byte[text.length() * 733 / 1000 + 1];
        int used = 0;
        for (int i = zeros; i < text.length(); i++) {
            char c = text.charAt(i);
            int carry = c < 128 ? INDEX[c] : -1;
            if (carry < 0) {
                return null;
            }
            int j = 0;
            for (; j < used || carry != 0; j++) {
                carry += 58 * (acc[j] & 0xff);
                acc[j] = (byte) carry;
                carry >>>= 8;
            }
            used = j;
        }
        byte[] out = new byte[zeros + used];
        for (int i = 0; i < used; i++) {
            out[zeros + i] = acc[used - 1 - i];
        }
        return out;
    }

    public static String encode(byte[] data) {
        int zeros = 0;
        while (zeros < data.length && data[zeros] == 0) {
            zeros++;
        }
        byte[] acc = new byte[data.length * 138 / 100 + 1]; // base-58 digits, little-endian
        int used = 0;
        for (int i = zeros; i < data.length; i++) {
            int carry = data[i] & 0xff;
            int j = 0;
            for (; j < used || carry != 0; j++) {
                carry += 256 * acc[j];
                acc[j] = (byte) (carry % 58);
                carry /= 58;
            }
            used = j;
        }
        StringBuilder sb = new StringBuilder(zeros + used);
        sb.append("1".repeat(zeros));
        for (int i = used - 1; i >= 0; i--) {
            sb.append(ALPHABET.charAt(acc[i]));
        }
        return sb.toString();
    }

    /** The payload of a Base58Check string, or null when it does not decode or its checksum is wrong. */
    public static byte[] decodeChecked(CharSequence text) {
        byte[] all = decode(text);
        if (all == null || all.length < 5) {
            return null;
        }
        byte[] payload = Arrays.copyOf(all, all.length - 4);
        byte[] check = doubleSha256(payload);
        for (int i = 0; i < 4; i++) {
            if (check[i] != all[payload.length + i]) {
                return null;
            }
        }
        return payload;
    }

    public static String encodeChecked(byte[] payload) {
        byte[] check = doubleSha256(payload);
        byte[] all = Arrays.copyOf(payload, payload.length + 4);
        System.arraycopy(check, 0, all, payload.length, 4);
        return encode(all);
    }

    static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK always has SHA-256", e);
        }
    }

    private static byte[] doubleSha256(byte[] data) {
        return sha256(sha256(data));
    }
}
