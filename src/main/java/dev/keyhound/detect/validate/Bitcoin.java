package dev.keyhound.detect.validate;

import java.math.BigInteger;
import java.util.Map;

/** Base58Check Bitcoin private keys: WIF and BIP32/SLIP-132 extended private keys. */
public final class Bitcoin {
    /** Order of the secp256k1 group: a private key is in [1, N). */
    static final BigInteger SECP256K1_N =
            new BigInteger("FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141", 16);

    /** Version bytes of the private extended-key prefixes (BIP32, SLIP-132). */
    static final Map<String, Integer> XPRV_VERSIONS = Map.of(
            "xprv", 0x0488ADE4, "tprv", 0x04358394,
            "yprv", 0x049D7878, "zprv", 0x04B2430C,
            "Yprv", 0x0295B005, "Zprv", 0x02AA7A99,
            "uprv", 0x044A4E28, "vprv", 0x045F18BC);

    static final int WIF_MAINNET = 0x80;
    static final int WIF_TESTNET = 0xEF;

    private Bitcoin() {
    }

    /** Version 0x80 or 0xEF, a 32-byte key in range, and for 34-byte payloads the 0x01 "compressed" suffix. */
    public static boolean isWif(String text) {
        if (text.length() < 50 || text.length() > 53) {
            return false;
        }
        byte[] p = Base58.decodeChecked(text);
        if (p == null || (p.length != 33 && p.length != 34)) {
            return false;
        }
        int version = p[0] & 0xff;
        if (version != WIF_MAINNET && version != WIF_TESTNET) {
            return false;
        }
        if (p.length == 34 && p[33] != 1) {
            return false;
        }
        return inRange(p, 1);
    }

    /** A 78-byte payload with a private version matching its prefix and key data 0x00 + a key in range. */
    public static boolean isExtendedPrivateKey(String text) {
        if (text.length() != 111) {
            return false;
        }
        Integer expected = XPRV_VERSIONS.get(text.substring(0, 4));
        if (expected == null) {
            return false;
        }
        byte[] p = Base58.decodeChecked(text);
        if (p == null || p.length != 78) {
            return false;
        }
        int version = (p[0] & 0xff) << 24 | (p[1] & 0xff) << 16 | (p[2] & 0xff) << 8 | (p[3] & 0xff);
        return version == expected && p[45] == 0 && inRange(p, 46);
    }

    static boolean inRange(byte[] data, int offset) {
        byte[] key = new byte[32];
        System.arraycopy(data, offset, key, 0, 32);
        BigInteger k = new BigInteger(1, key);
        return k.signum() > 0 && k.compareTo(SECP256K1_N) < 0;
    }
}
