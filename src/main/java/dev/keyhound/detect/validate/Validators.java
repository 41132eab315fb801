package dev.keyhound.detect.validate;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Offline validators a rule names with {@code validate = "..."}: a secret that fails its
 * validator is not a match. OWNER: exchange-pack helper (BIP39 checksum, Base58Check WIF/xprv,
 * Solana keypair, ...). The engine looks validators up here; an unknown name is a rule-file error.
 * Each runs in microseconds on one candidate and never throws on malformed input.
 */
public final class Validators {
    private static final Map<String, Predicate<String>> BY_NAME = Map.of(
            "bip39", safe(Bip39::isValid),
            "base58check-wif", safe(Bitcoin::isWif),
            "base58check-xprv", safe(Bitcoin::isExtendedPrivateKey),
            "solana-keypair", safe(SolanaKeypair::isValid),
            "pem-private-key", safe(PemPrivateKey::isValid),
            "evm-private-key", safe(EvmPrivateKey::isValid),
            "discord-bot-token", safe(DiscordBotToken::isValid));

    private Validators() {
    }

    public static Optional<Predicate<String>> byName(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    /** The names rule files may use. */
    public static Set<String> names() {
        return BY_NAME.keySet();
    }

    /** A validator never breaks a scan: input it cannot parse is simply not valid. */
    private static Predicate<String> safe(Predicate<String> check) {
        return secret -> {
            if (secret == null) {
                return false;
            }
            try {
                return check.test(secret);
            } catch (RuntimeException e) {
                return false;
            }
        };
    }
}
