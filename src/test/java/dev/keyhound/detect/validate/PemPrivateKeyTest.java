package dev.keyhound.detect.validate;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keyhound.rules.ExampleTemplate;
import java.security.KeyFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PemPrivateKeyTest {
    private final Random random = new Random(21);

    @Test
    void everyGeneratedKindValidates() {
        for (String kind : new String[] {"ed25519-pem", "ec-p256-pem", "rsa-pem", "rsa-pem:pkcs1", "dsa-pem", "openssh-pem",
                "openssh-pem:encrypted", "encrypted-pem", "encrypted-pem:legacy"}) {
            String pem = ExampleTemplate.expand("{{" + kind + "}}", random);
            assertTrue(PemPrivateKey.isValid(pem), kind + "\n" + pem);
            String escaped = ExampleTemplate.expand("{{" + kind + (kind.contains(":") ? ",escaped" : ":escaped") + "}}", random);
            assertFalse(escaped.contains("\n"), "one line");
            assertTrue(escaped.contains("\\n"), "literal \\n");
            assertTrue(PemPrivateKey.isValid(escaped), kind + " escaped\n" + escaped);
        }
    }

    @Test
    void generatedBodiesHaveTheDocumentedPrefixes() {
        assertTrue(ExampleTemplate.expand("{{ed25519-pem:body}}", random).matches("MC4CAQAwBQYDK2VwBCIEI[A-Za-z0-9+/]{43}"));
        assertTrue(ExampleTemplate.expand("{{ec-p256-pem:body}}", random).startsWith("MHcCAQEEI"));
        assertTrue(ExampleTemplate.expand("{{ec-p256-pem:body}}", random).contains("oAoGCCqGSM49AwEH"));
        assertTrue(ExampleTemplate.expand("{{openssh-pem:body}}", random).startsWith("b3BlbnNzaC1rZXktdjEAAAAABG5vbmU"));
        assertTrue(ExampleTemplate.expand("{{rsa-pem:pkcs1,body}}", random).startsWith("MII"));
    }

    @Test
    void generatedPkcs8KeysAreRealKeys() throws Exception {
        byte[] ed = Base64.getDecoder().decode(ExampleTemplate.expand("{{ed25519-pem:body}}", random));
        assertDoesNotThrow(() -> KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(ed)));
        byte[] rsa = Base64.getDecoder().decode(ExampleTemplate.expand("{{rsa-pem:body}}", random));
        assertDoesNotThrow(() -> KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(rsa)));
    }

    @Test
    void bareBodiesValidate() {
        assertTrue(PemPrivateKey.isValid(ExampleTemplate.expand("{{ed25519-pem:body}}", random)));
        assertTrue(PemPrivateKey.isValid(ExampleTemplate.expand("{{ec-p256-pem:body}}", random)));
    }

    @Test
    void placeholdersAndTruncatedBodiesFail() {
        String pem = ExampleTemplate.expand("{{ec-p256-pem}}", random);
        String[] lines = pem.split("\n");
        assertFalse(PemPrivateKey.isValid(lines[0] + "\n" + lines[1] + "\n" + lines[lines.length - 1]), "truncated");
        assertFalse(PemPrivateKey.isValid("-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBg...\n-----END PRIVATE KEY-----"));
        assertFalse(PemPrivateKey.isValid("-----BEGIN RSA PRIVATE KEY-----\n<your key here>\n-----END RSA PRIVATE KEY-----"));
        assertFalse(PemPrivateKey.isValid("-----BEGIN PRIVATE KEY-----\n" + "A".repeat(64) + "\n-----END PRIVATE KEY-----"));
        assertFalse(PemPrivateKey.isValid("MC4CAQAwBQYDK2VwBCIEI" + "x".repeat(20)), "short bare body");
    }

    @Test
    void declaredTypeMustMatchTheDer() {
        String ec = ExampleTemplate.expand("{{ec-p256-pem}}", random);
        assertFalse(PemPrivateKey.isValid(ec.replace("EC PRIVATE KEY", "RSA PRIVATE KEY")));
        String rsa = ExampleTemplate.expand("{{rsa-pem:pkcs1}}", random);
        assertFalse(PemPrivateKey.isValid(rsa.replace("RSA PRIVATE KEY", "EC PRIVATE KEY")));
        assertFalse(PemPrivateKey.isValid(rsa.replace("RSA PRIVATE KEY", "OPENSSH PRIVATE KEY")));
    }
}
