package dev.keyhound.detect.validate;

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

    /** The 32-byte public key of the 32-byte seed. */
    public static byte[] publicKey(byte[] seed) {
        if (seed.length != 32) {
            throw new IllegalArgumentException("an Ed25519 seed has 32 bytes");
        }
        try {
            KeyPairGenerator gen = KeyPairGenerator.getInstance("Ed25519");
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
