package dev.keyhound.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keyhound.finding.Fixtures;
import java.security.SecureRandom;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RedactionTest {
    private final Random rnd = new Random(new SecureRandom().nextLong());
    private final Redaction on = Redaction.of(ReportFixtures.defaults());
    private final Redaction off = Redaction.of(ReportFixtures.options(false, false, false, false));

    @Test
    void prefixLengthDependsOnSecretLength() {
        String long64 = Fixtures.alnum(rnd, 64);
        assertEquals(long64.substring(0, 4) + "…", on.secret(long64));
        String exactly16 = Fixtures.alnum(rnd, 16);
        assertEquals(exactly16.substring(0, 4) + "…", on.secret(exactly16));
        String twelve = Fixtures.alnum(rnd, 12);
        assertEquals(twelve.substring(0, 2) + "…", on.secret(twelve));
        assertEquals("…", on.secret(Fixtures.alnum(rnd, 7)));
        assertEquals("…", on.secret(""));
    }

    @Test
    void everyOccurrenceOfEveryPartIsReplacedInTheLine() {
        String key = Fixtures.alnum(rnd, 32);
        String secret = Fixtures.alnum(rnd, 48);
        String line = "new Exchange({apiKey: '" + key + "', secret: '" + secret + "'}) // " + key;
        String red = on.line(line, List.of(key, secret));
        assertFalse(red.contains(key));
        assertFalse(red.contains(secret));
        assertEquals("new Exchange({apiKey: '" + key.substring(0, 4) + "…', secret: '" + secret.substring(0, 4)
                + "…'}) // " + key.substring(0, 4) + "…", red);
    }

    @Test
    void aSecretContainingAnotherIsReplacedWhole() {
        String inner = Fixtures.alnum(rnd, 20);
        String outer = Fixtures.alnum(rnd, 10) + inner + Fixtures.alnum(rnd, 10);
        String red = on.line("x=" + outer, List.of(inner, outer));
        assertEquals("x=" + outer.substring(0, 4) + "…", red);
    }

    @Test
    void eachLineOfAMultiLineSecretIsRedacted() {
        String body1 = Fixtures.alnum(rnd, 64);
        String body2 = Fixtures.alnum(rnd, 40);
        String pem = "-----BEGIN PRIVATE KEY-----\n" + body1 + "\n" + body2 + "\n-----END PRIVATE KEY-----";
        String red = on.line("    " + body1, List.of(pem));
        assertFalse(red.contains(body1));
        assertTrue(red.startsWith("    " + body1.substring(0, 4) + "…"));
        String tail = "xyz=" + body2 + ";";
        assertEquals("xyz=" + body2.substring(0, 4) + "…;", on.line(tail, List.of(pem)));
    }

    @Test
    void aJsonEscapedKeyIsHiddenWholeEvenWhenTheRuleMatchedOnlyPartOfIt() {
        String body1 = Fixtures.alnum(rnd, 64);
        String body2 = Fixtures.alnum(rnd, 64);
        String body3 = Fixtures.alnum(rnd, 30);
        String escaped = "-----BEGIN PRIVATE KEY-----\\n" + body1 + "\\n" + body2 + "\\n" + body3 + "\\n-----END PRIVATE KEY-----\\n";
        String line = "  \"private_key\": \"" + escaped + "\",";
        String red = on.line(line, List.of(body1));
        for (String body : List.of(body1, body2, body3)) {
            assertFalse(red.contains(body.substring(4)), red);
        }
        assertTrue(red.startsWith("  \"private_key\": \"-----BEGIN PRIVATE KEY-----"), red);
    }

    @Test
    void aSecondCredentialOnTheLineIsMaskedButWordsAreNot() {
        String matched = Fixtures.alnum(rnd, 40);
        String other = "a1b2c3" + Fixtures.alnum(rnd, 34);
        String line = "client = Client(private_key=\"" + matched + "\", auth_header=\"" + other + "\")  # getOrderBookSnapshotForSymbol";
        String red = on.line(line, List.of(matched));
        assertFalse(red.contains(matched.substring(4)), red);
        assertFalse(red.contains(other.substring(4)), red);
        assertTrue(red.contains("getOrderBookSnapshotForSymbol"), "an identifier without digits stays readable: " + red);
    }

    @Test
    void offLeavesEverythingRaw() {
        String s = Fixtures.alnum(rnd, 40);
        assertEquals(s, off.secret(s));
        assertEquals("k=" + s, off.line("k=" + s, List.of(s)));
        assertFalse(off.enabled());
        assertTrue(Redaction.always().enabled());
    }
}
