package dev.keyhound.detect.validate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;

class Base58Test {
    private static final HexFormat HEX = HexFormat.of();

    /** Bitcoin Core's base58_encode_decode.json. */
    @Test
    void bitcoinCoreVectors() {
        String[][] vectors = {
                {"", ""}, {"61", "2g"}, {"626262", "a3gV"}, {"636363", "aPEr"},
                {"73696d706c792061206c6f6e6720737472696e67", "2cFupjhnEsSn59qHXstmK2ffpLv2"},
                {"00eb15231dfceb60925886b67d065299925915aeb172c06647", "1NS17iag9jJgTHD1VXjvLCEnZuQ3rJDE9L"},
                {"516b6fcd0f", "ABnLTmg"}, {"bf4f89001e670274dd", "3SEo3LWLoPntC"}, {"572e4794", "3EFU7m"},
                {"ecac89cad93923c02321", "EJDM8drfXA6uyA"}, {"10c8511e", "Rt5zm"}, {"00000000000000000000", "1111111111"},
        };
        for (String[] v : vectors) {
            assertEquals(v[1], Base58.encode(HEX.parseHex(v[0])), v[0]);
            assertArrayEquals(HEX.parseHex(v[0]), Base58.decode(v[1]), v[1]);
        }
    }

    @Test
    void rejectsCharactersOutsideTheAlphabet() {
        assertNull(Base58.decode("abc0"));
        assertNull(Base58.decode("Il"));
        assertNull(Base58.decode("ab\u00e9"));
    }

    @Test
    void checkedRoundTripAndCorruption() {
        Random r = new Random(7);
        for (int i = 0; i < 200; i++) {
            byte[] payload = new byte[1 + r.nextInt(80)];
            r.nextBytes(payload);
            String text = Base58.encodeChecked(payload);
            assertArrayEquals(payload, Base58.decodeChecked(text));
            char[] c = text.toCharArray();
            int at = r.nextInt(c.length);
            c[at] = c[at] == 'z' ? 'y' : 'z';
            assertNull(Base58.decodeChecked(new String(c)), "a changed character breaks the checksum");
        }
    }
}
