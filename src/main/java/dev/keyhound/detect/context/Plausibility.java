package dev.keyhound.detect.context;

import java.time.Instant;

/** Named plausibility checks a shape may require ({@code check = "..."} in attribution.toml). */
final class Plausibility {
    /** ObjectId-style ids start with their creation time; keys cannot predate 2017 nor lie far in the future. */
    private static final long EARLIEST = 1483228800L; // 2017-01-01

    private Plausibility() {
    }

    static boolean passes(String check, String value) {
        if (check == null) {
            return true;
        }
        if (check.equals("objectid-time")) {
            if (value.length() < 8) {
                return false;
            }
            long seconds = Long.parseLong(value.substring(0, 8), 16);
            return seconds >= EARLIEST && seconds <= Instant.now().getEpochSecond() + 365L * 24 * 3600;
        }
        throw new IllegalArgumentException("unknown plausibility check '" + check + "'");
    }
}
