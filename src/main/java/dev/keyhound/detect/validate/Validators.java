package dev.keyhound.detect.validate;

import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Offline validators a rule names with {@code validate = "..."}: a secret that fails its
 * validator is not a match. OWNER: exchange-pack helper (BIP39 checksum, Base58Check WIF/xprv,
 * Solana keypair, ...). The engine looks validators up here; an unknown name is a rule-file error.
 */
public final class Validators {
    private static final Map<String, Predicate<String>> BY_NAME = Map.of();

    private Validators() {
    }

    public static Optional<Predicate<String>> byName(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }
}
