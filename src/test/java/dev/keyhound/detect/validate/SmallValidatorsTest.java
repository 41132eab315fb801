package dev.keyhound.detect.validate;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keyhound.rules.ExampleTemplate;
import java.util.Base64;
import java.util.Random;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

class SmallValidatorsTest {
    private final Random random = new Random(31);

    @Test
    void evmKeysPassAndPlaceholdersFail() {
        for (int i = 0; i < 50; i++) {
            String key = ExampleTemplate.expand("{{evm}}", random);
            assertTrue(key.matches("0x[0-9a-f]{64}"), key);
            assertTrue(EvmPrivateKey.isValid(key));
            assertTrue(EvmPrivateKey.isValid(key.substring(2).toUpperCase()), "no 0x, upper case");
        }
        assertFalse(EvmPrivateKey.isValid("0x" + "0".repeat(64)));
        assertFalse(EvmPrivateKey.isValid("0x" + "1234567890abcdef".repeat(4)));
        assertFalse(EvmPrivateKey.isValid("deadbeef".repeat(8)));
        assertFalse(EvmPrivateKey.isValid("0x" + "f".repeat(64)), "over the curve order");
        assertFalse(EvmPrivateKey.isValid("0x" + "g".repeat(64)));
        assertFalse(EvmPrivateKey.isValid("0x1234"));
    }

    @Test
    void discordBotTokenFirstPartIsASnowflake() {
        for (int i = 0; i < 20; i++) {
            String token = ExampleTemplate.expand("{{discord-bot-token}}", random);
            assertTrue(token.matches("[MNO][A-Za-z0-9_-]{23,25}\\.[A-Za-z0-9_-]{6}\\.[A-Za-z0-9_-]{38}"), token);
            assertTrue(DiscordBotToken.isValid(token), token);
        }
        String notDigits = Base64.getEncoder().withoutPadding().encodeToString("abcdefghijklmnopqr".getBytes());
        assertFalse(DiscordBotToken.isValid(notDigits + ".abcdef." + "x".repeat(38)));
        assertFalse(DiscordBotToken.isValid("MTIz.abcdef." + "x".repeat(38)), "too short an id");
        assertFalse(DiscordBotToken.isValid("no dots at all"));
    }

    @Test
    void registeredValidatorsNeverThrow() {
        String[] junk = {"", " ", "\u0000", "[", "]", "-----BEGIN ", "-----BEGIN PRIVATE KEY-----", "0x", "....",
                "\\n\\n", "[" + "9".repeat(400) + "]", "1".repeat(200), "MC4C=", "-----BEGIN X-----\nMA==\n-----END X-----"};
        for (String name : Validators.names()) {
            Predicate<String> check = Validators.byName(name).orElseThrow();
            for (String j : junk) {
                assertFalse(check.test(j), name + " on " + j);
            }
            assertFalse(check.test(null), name + " on null");
        }
    }

    @Test
    void namesTheRulesUse() {
        for (String name : new String[] {"bip39", "base58check-wif", "base58check-xprv", "solana-keypair", "pem-private-key"}) {
            assertTrue(Validators.byName(name).isPresent(), name);
        }
        assertTrue(Validators.byName("no-such-validator").isEmpty());
    }
}
