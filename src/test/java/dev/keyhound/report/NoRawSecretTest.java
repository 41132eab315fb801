package dev.keyhound.report;

import static dev.keyhound.report.ReportFixtures.options;
import static dev.keyhound.report.ReportFixtures.render;
import static dev.keyhound.report.ReportFixtures.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keyhound.finding.Baseline;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Redaction is on by default in every format: no planted value, nor 8 chars of one, reaches any output. */
class NoRawSecretTest {
    @Test
    void noFormatLeaksAPlantedValueInAnyOptionCombination() {
        Random rnd = new Random(new SecureRandom().nextLong());
        for (int round = 0; round < 5; round++) {
            ReportFixtures fx = ReportFixtures.sample(rnd);
            for (ReportFormat format : ReportFormat.values()) {
                for (int bits = 0; bits < 8; bits++) {
                    ReportOptions o = options(true, (bits & 1) != 0, (bits & 2) != 0, (bits & 4) != 0);
                    String out = text(render(format, fx.report, o));
                    assertEquals(List.of(), ReportFixtures.leakedPieces(out, fx.secrets), format + " " + o);
                }
                String raw = text(render(format, fx.report, options(false, false, true, true)));
                assertFalse(ReportFixtures.leakedPieces(raw, fx.secrets).isEmpty(), "--no-redact shows values in " + format);
            }
            String baseline = new String(Baseline.render(fx.report.findings()), StandardCharsets.UTF_8);
            assertEquals(List.of(), ReportFixtures.leakedPieces(baseline, fx.secrets));
            assertTrue(baseline.contains(fx.report.findings().get(0).fingerprint()));
        }
    }
}
