package dev.keyhound.detect.validate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keyhound.rules.ExampleTemplate;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SolanaKeypairTest {
    @Test
    void ed25519MatchesRfc8032TestVectorOne() {
        byte[] seed = HexFormat.of().parseHex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60");
        byte[] expected = HexFormat.of().parseHex("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a");
        assertArrayEquals(expected, Ed25519.publicKey(seed));
    }

    @Test
    void everyDerivedPublicKeyIsACurvePointAndAboutHalfOfRandomBytesAreNot() {
        Random r = new Random(8);
        int points = 0;
        for (int i = 0; i < 400; i++) {
            byte[] seed = new byte[32];
            r.nextBytes(seed);
            assertTrue(Ed25519.isPoint(Ed25519.publicKey(seed), 0));
            byte[] noise = new byte[32];
            r.nextBytes(noise);
            points += Ed25519.isPoint(noise, 0) ? 1 : 0;
        }
        assertTrue(points > 150 && points < 250, "about half of random strings decode to a point, got " + points + "/400");
    }

    @Test
    void generatedKeypairsValidateInBothForms() {
        Random r = new Random(9);
        for (int i = 0; i < 30; i++) {
            String b58 = ExampleTemplate.expand("{{solana}}", r);
            assertTrue(b58.length() >= 86 && b58.length() <= 88, b58);
            assertTrue(SolanaKeypair.isValid(b58), b58);
            String json = ExampleTemplate.expand("{{solana-json}}", r);
            assertTrue(SolanaKeypair.isValid(json), json);
            assertTrue(SolanaKeypair.isValid(ExampleTemplate.expand("{{solana-json:spaced}}", r)));
            assertTrue(SolanaKeypair.isValid(json.replace(",", ",\n  ")), "pretty-printed id.json");
        }
    }

    @Test
    void randomSixtyFourBytesAreNotAKeypair() {
        Random r = new Random(10);
        for (int i = 0; i < 30; i++) {
            byte[] kp = WalletExamples.solanaKeypair(r);
            kp[40] ^= 1;
            assertFalse(SolanaKeypair.isValid(Base58.encode(kp)), "public half changed");
            byte[] noise = new byte[64];
            r.nextBytes(noise);
            assertFalse(SolanaKeypair.isValid(Base58.encode(noise)));
            assertFalse(SolanaKeypair.isValid(toJson(noise)));
        }
    }

    @Test
    void malformedArraysAreRejectedWithoutErrors() {
        Random r = new Random(12);
        String json = ExampleTemplate.expand("{{solana-json}}", r);
        assertFalse(SolanaKeypair.isValid(json.replaceFirst("\\d+,", "")), "63 ints");
        assertFalse(SolanaKeypair.isValid(json.replace("]", ",1]")), "65 ints");
        assertFalse(SolanaKeypair.isValid(json.replaceFirst("\\d+,", "256,")), "int over 255");
        assertFalse(SolanaKeypair.isValid(json.replaceFirst("(\\d)(\\d*),", "$1 $2,")), "space inside a number");
        assertFalse(SolanaKeypair.isValid("[1,,2]"));
        assertFalse(SolanaKeypair.isValid("0OIl" + "1".repeat(84)), "outside the base58 alphabet");
    }

    private static String toJson(byte[] b) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < b.length; i++) {
            sb.append(i == 0 ? "" : ",").append(b[i] & 0xff);
        }
        return sb.append(']').toString();
    }
}
