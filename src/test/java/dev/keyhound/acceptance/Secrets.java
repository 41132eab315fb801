package dev.keyhound.acceptance;

import dev.keyhound.rules.ExampleTemplate;
import java.util.Random;

/** Format-exact credentials made fresh for each run: never a literal in the repository. */
final class Secrets {
    private final Random random = new Random();

    /** A Bitget API key: bg_ and 32 lower-case hex digits. */
    String bitgetKey() {
        return "bg_" + ExampleTemplate.expand("{{hex:32}}", random);
    }

    /** A Bitget API secret: 64 lower-case hex digits. */
    String bitgetSecret() {
        return ExampleTemplate.expand("{{hex:64}}", random);
    }
}
