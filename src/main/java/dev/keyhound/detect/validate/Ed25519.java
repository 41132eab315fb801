package dev.keyhound.detect.validate;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.Provider;
import java.security.SecureRandom;
import java.security.SecureRandomSpi;
import java.security.spec.NamedParameterSpec;

/**
 * Ed25519 public keys from 32-byte seeds with the JDK alone (SunEC): the JDK has no public
 * "public key of this private key" call, but its key-pair generator draws exactly the 32 seed
 * bytes from the SecureRandom it is given, so a SecureRandom that returns the seed yields the pair.
 */
public final class Ed25519 {
    /** X.509 SubjectPublicKeyInfo of Ed25519 is this 12-byte prefix then the 32-byte key. */
    private static final int SPKI_PREFIX = 12;

    private Ed25519() {
    }

    private static final BigInteger P = BigInteger.TWO.pow(255).subtract(BigInteger.valueOf(19));
    private static final BigInteger D = BigInteger.valueOf(-121665)
            .multiply(BigInteger.valueOf(121666).modInverse(P)).mod(P);
    private static final BigInteger HALF_P_MINUS_1 = P.subtract(BigInteger.ONE).shiftRight(1);

    /** The JDK's generator costs about as much to look up as to run a few times; one per thread. */
    private static final ThreadLocal<KeyPairGenerator> GENERATOR = ThreadLocal.withInitial(() -> {
        try {
            return KeyPairGenerator.getInstance("Ed25519");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK has Ed25519 since Java 15", e);
        }
    });

    /**
     * True when the 32 bytes (at offset) encode a point of the curve (RFC 8032 5.1.3): y below p
     * and (y^2 - 1)/(d y^2 + 1) a square. Half of all random 32-byte strings fail; this costs one
     * modPow, far less than deriving a public key, so callers reject most non-keys cheaply.
     */
    public static boolean isPoint(byte[] data, int offset) {
        byte[] be = new byte[32];
        for (int i = 0; i < 32; i++) {
            be[31 - i] = data[offset + i];
        }
        boolean sign = (be[0] & 0x80) != 0;
        be[0] &= 0x7f;
        BigInteger y = new BigInteger(1, be);
        if (y.compareTo(P) >= 0) {
            return false;
        }
        BigInteger y2 = y.multiply(y).mod(P);
        BigInteger u = y2.subtract(BigInteger.ONE).mod(P);
        BigInteger v = D.multiply(y2).add(BigInteger.ONE).mod(P);
        if (u.signum() == 0) {
            return !sign; // x = 0 has no negative form
        }
        // u/v is a square exactly when u*v is (v^-1 is a square exactly when v is)
        return u.multiply(v).mod(P).modPow(HALF_P_MINUS_1, P).equals(BigInteger.ONE);
    }

    /** The 32-byte public key of the 32-byte seed. */
    public static byte[] publicKey(byte[] seed) {
        if (seed.length != 32) {
            throw new IllegalArgumentException("an Ed25519 seed has 32 bytes");
        }
        try {
            KeyPairGenerator gen = GENERATOR.get();
            gen.initialize(NamedParameterSpec.ED25519, new FixedRandom(seed));
            byte[] spki = gen.generateKeyPair().getPublic().getEncoded();
            byte[] pub = new byte[32];
            System.arraycopy(spki, SPKI_PREFIX, pub, 0, 32);
            return pub;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK has Ed25519 since Java 15", e);
        }
    }

    /** Hands out the seed's bytes, in order. */
    private static final class FixedRandom extends SecureRandom {
        FixedRandom(byte[] seed) {
            super(new FixedSpi(seed), (Provider) null);
        }
    }

    private static final class FixedSpi extends SecureRandomSpi {
        private final byte[] bytes;
        private int next;

        FixedSpi(byte[] bytes) {
            this.bytes = bytes.clone();
        }

        @Override
        protected void engineSetSeed(byte[] seed) {
        }

        @Override
        protected void engineNextBytes(byte[] out) {
            if (next + out.length > bytes.length) {
                throw new IllegalStateException("the Ed25519 generator asked for more than the seed");
            }
            System.arraycopy(bytes, next, out, 0, out.length);
            next += out.length;
        }

        @Override
        protected byte[] engineGenerateSeed(int n) {
            throw new UnsupportedOperationException();
        }
    }
}
