package dev.keyhound.detect.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keyhound.rules.ExampleTemplate;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BitcoinTest {
    private static final HexFormat HEX = HexFormat.of();

    @Test
    void wifOfKeyOneMatchesTheWellKnownEncoding() {
        // private key 1, compressed, mainnet; the expected text is split so the source holds no WIF
        byte[] payload = HEX.parseHex("80" + "00".repeat(31) + "01" + "01");
        String wif = Base58.encodeChecked(payload);
        assertEquals("KwDiBf89QgGbjEhKnhXJuH7Lr" + "ciVrZi3qYjgd9M7rFU73sVHnoWn", wif);
        assertTrue(Bitcoin.isWif(wif));
    }

    @Test
    void bip32TestVectorOneMaster() {
        byte[] payload = HEX.parseHex("0488ade4" + "00" + "00000000" + "00000000"
                + "873dff81c02f525623fd1fe5167eac3a55a049de3d314bb42ee227ffed37d508"
                + "00" + "e8f32e723decf4051aefac8e2c93c9c5b214313817cdb01a1494b917c8436b35");
        String xprv = Base58.encodeChecked(payload);
        assertEquals("xprv9s21ZrQH143K3QTDL4LXw2F7HEK3wJUD2nW2nRk4stbPy6cq3jPP"
                + "qjiChkVvvNKmPGJxWUtg6LnF5kejMRNNU3TGtRBeJgk33yuGBxrMPHi", xprv);
        assertTrue(Bitcoin.isExtendedPrivateKey(xprv));
    }

    @Test
    void generatedWifsOfEveryKindValidate() {
        Random r = new Random(11);
        for (String kind : new String[] {"{{wif}}", "{{wif:uncompressed}}", "{{wif:testnet}}", "{{wif:testnet-uncompressed}}"}) {
            for (int i = 0; i < 20; i++) {
                String wif = ExampleTemplate.expand(kind, r);
                assertTrue(Bitcoin.isWif(wif), kind + " " + wif);
                assertFalse(Bitcoin.isWif(corrupt(wif, r)), "corrupted " + wif);
            }
        }
        assertTrue(ExampleTemplate.expand("{{wif}}", r).matches("[KL][1-9A-HJ-NP-Za-km-z]{51}"));
        assertTrue(ExampleTemplate.expand("{{wif:uncompressed}}", r).matches("5[HJK][1-9A-HJ-NP-Za-km-z]{49}"));
        assertTrue(ExampleTemplate.expand("{{wif:testnet}}", r).matches("c[1-9A-HJ-NP-Za-km-z]{51}"));
    }

    @Test
    void wifRejectsOtherVersionsAndBadSuffix() {
        byte[] key = HEX.parseHex("1f".repeat(31) + "2e");
        assertTrue(Bitcoin.isWif(Base58.encodeChecked(concat(0x80, key, 0x01))));
        assertFalse(Bitcoin.isWif(Base58.encodeChecked(concat(0x80, key, 0x02))), "compressed flag must be 0x01");
        assertFalse(Bitcoin.isWif(Base58.encodeChecked(concat(0x00, key, 0x01))), "address version, not a key");
        assertFalse(Bitcoin.isWif(Base58.encodeChecked(concat(0x80, new byte[32], 0x01))), "zero key");
        // a Base58Check P2PKH address is checksum-valid but is no private key
        assertFalse(Bitcoin.isWif(Base58.encodeChecked(HEX.parseHex("00" + "ab".repeat(20)))));
    }

    @Test
    void generatedExtendedKeysOfEveryPrefixValidate() {
        Random r = new Random(5);
        for (String prefix : Bitcoin.XPRV_VERSIONS.keySet()) {
            String xprv = ExampleTemplate.expand("{{xprv:" + prefix + "}}", r);
            assertTrue(xprv.startsWith(prefix), xprv);
            assertEquals(111, xprv.length());
            assertTrue(Bitcoin.isExtendedPrivateKey(xprv), xprv);
            assertFalse(Bitcoin.isExtendedPrivateKey(corrupt(xprv, r)));
        }
    }

    @Test
    void extendedPublicKeysAreNotPrivate() {
        // xpub version 0x0488B21E with a 33-byte compressed point where the private key byte 0x00 would be
        byte[] payload = HEX.parseHex("0488b21e" + "00" + "00000000" + "00000000" + "11".repeat(32) + "02" + "22".repeat(32));
        String xpub = Base58.encodeChecked(payload);
        assertTrue(xpub.startsWith("xpub"));
        assertFalse(Bitcoin.isExtendedPrivateKey(xpub));
        // an xprv payload whose key byte is not 0x00
        payload = HEX.parseHex("0488ade4" + "00" + "00000000" + "00000000" + "11".repeat(32) + "02" + "22".repeat(32));
        assertFalse(Bitcoin.isExtendedPrivateKey(Base58.encodeChecked(payload)));
    }

    static String corrupt(String text, Random r) {
        char[] c = text.toCharArray();
        int at = 4 + r.nextInt(c.length - 4);
        c[at] = c[at] == 'z' ? 'y' : 'z';
        return new String(c);
    }

    private static byte[] concat(int version, byte[] key, int suffix) {
        byte[] out = new byte[34];
        out[0] = (byte) version;
        System.arraycopy(key, 0, out, 1, 32);
        out[33] = (byte) suffix;
        return out;
    }
}
