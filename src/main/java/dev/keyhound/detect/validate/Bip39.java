package dev.keyhound.detect.validate;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * BIP39 mnemonics in the English wordlist. A phrase is valid when it has 12, 15, 18, 21 or 24
 * words, every word is in the list, and its last ENT/32 bits equal the first bits of
 * SHA-256(entropy): a random 12-word list passes 1 time in 16, a 24-word one 1 in 256.
 */
public final class Bip39 {
    private static final List<String> WORDS = load();
    private static final Map<String, Integer> INDEX = index(WORDS);

    private Bip39() {
    }

    /** True for a checksum-valid English mnemonic; words are separated by any whitespace. */
    public static boolean isValid(String phrase) {
        String[] words = phrase.trim().toLowerCase(Locale.ROOT).split("\\s+");
        int n = words.length;
        if (n < 12 || n > 24 || n % 3 != 0) {
            return false;
        }
        int totalBits = n * 11;
        int checksumBits = totalBits / 33;
        int entropyBits = totalBits - checksumBits;
        byte[] bits = new byte[(totalBits + 7) / 8];
        int pos = 0;
        for (String w : words) {
            Integer idx = INDEX.get(w);
            if (idx == null) {
                return false;
            }
            for (int b = 10; b >= 0; b--, pos++) {
                if ((idx >> b & 1) != 0) {
                    bits[pos >> 3] |= (byte) (0x80 >>> (pos & 7));
                }
            }
        }
        byte[] entropy = new byte[entropyBits / 8];
        System.arraycopy(bits, 0, entropy, 0, entropy.length);
        byte[] hash = Base58.sha256(entropy);
        for (int i = 0; i < checksumBits; i++) {
            int want = hash[i >> 3] >> (7 - (i & 7)) & 1;
            int p = entropyBits + i;
            int got = bits[p >> 3] >> (7 - (p & 7)) & 1;
            if (want != got) {
                return false;
            }
        }
        return true;
    }

    /** The mnemonic of the given entropy (16, 20, 24, 28 or 32 bytes). */
    public static String fromEntropy(byte[] entropy) {
        int entropyBits = entropy.length * 8;
        if (entropy.length < 16 || entropy.length > 32 || entropy.length % 4 != 0) {
            throw new IllegalArgumentException("BIP39 entropy is 16 to 32 bytes, a multiple of 4");
        }
        int checksumBits = entropyBits / 32;
        byte[] hash = Base58.sha256(entropy);
        int n = (entropyBits + checksumBits) / 11;
        StringBuilder sb = new StringBuilder();
        for (int w = 0; w < n; w++) {
            int idx = 0;
            for (int b = 0; b < 11; b++) {
                int p = w * 11 + b;
                int bit = p < entropyBits ? entropy[p >> 3] >> (7 - (p & 7)) & 1
                        : hash[(p - entropyBits) >> 3] >> (7 - ((p - entropyBits) & 7)) & 1;
                idx = idx << 1 | bit;
            }
            if (w > 0) {
                sb.append(' ');
            }
            sb.append(WORDS.get(idx));
        }
        return sb.toString();
    }

    /** A random checksum-valid mnemonic of 12, 15, 18, 21 or 24 words. */
    public static String random(int words, Random random) {
        if (words < 12 || words > 24 || words % 3 != 0) {
            throw new IllegalArgumentException("a BIP39 mnemonic has 12, 15, 18, 21 or 24 words, not " + words);
        }
        byte[] entropy = new byte[words * 4 / 3];
        random.nextBytes(entropy);
        return fromEntropy(entropy);
    }

    private static List<String> load() {
        try (InputStream in = Bip39.class.getResourceAsStream("/keyhound/bip39-english.txt")) {
            if (in == null) {
                throw new IllegalStateException("keyhound/bip39-english.txt is missing from the jar");
            }
            List<String> words = new ArrayList<>(2048);
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank()) {
                    words.add(line.trim());
                }
            }
            if (words.size() != 2048) {
                throw new IllegalStateException("the BIP39 wordlist has " + words.size() + " words, not 2048");
            }
            return List.copyOf(words);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, Integer> index(List<String> words) {
        Map<String, Integer> m = new HashMap<>(4096);
        for (int i = 0; i < words.size(); i++) {
            m.put(words.get(i), i);
        }
        return m;
    }
}
