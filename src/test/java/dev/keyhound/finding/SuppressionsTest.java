package dev.keyhound.finding;

import static dev.keyhound.finding.Fixtures.alnum;
import static dev.keyhound.finding.Fixtures.file;
import static dev.keyhound.finding.Fixtures.token;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.keyhound.detect.Credential;
import dev.keyhound.rules.Severity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SuppressionsTest {
    private final Random rnd = new Random(new SecureRandom().nextLong());

    @TempDir
    Path dir;

    @Test
    void marksOrDropsEachKindAndReportsUnusedIgnores() throws IOException {
        String live = alnum(rnd, 40);
        String ignored = alnum(rnd, 40);
        String known = alnum(rnd, 40);
        String inline = alnum(rnd, 40);
        FindingCollector c = new FindingCollector(5);
        c.add(file("a"), List.of(token(live, 1), token(ignored, 2), token(known, 3),
                new Credential("generic", Severity.HIGH, List.of(token(inline, 4).primary()), true)));
        List<Finding> fs = c.findings(null);

        String unusedFp = Fingerprint.of("other", alnum(rnd, 30));
        Path ig = dir.resolve(".keyhoundignore");
        IgnoreFile.append(ig, fp(ignored), "test data");
        IgnoreFile.append(ig, fp(inline), "also allowed inline");
        IgnoreFile.append(ig, unusedFp, "stale");
        Path base = dir.resolve("base.json");
        Baseline.write(fs.stream().filter(f -> f.fingerprint().equals(fp(known))).toList(), base);

        IgnoreFile ignore = IgnoreFile.load(ig);
        Suppressions.Outcome shown = Suppressions.apply(fs, ignore, Baseline.load(base), true);
        Map<String, Finding> byFp = shown.findings().stream()
                .collect(Collectors.toMap(Finding::fingerprint, Function.identity()));
        assertEquals(4, shown.findings().size());
        assertEquals(3, shown.suppressed());
        assertNull(byFp.get(fp(live)).suppression());
        assertEquals(Suppressions.IGNORE_FILE, byFp.get(fp(ignored)).suppression());
        assertEquals(Suppressions.BASELINE, byFp.get(fp(known)).suppression());
        assertEquals(Suppressions.INLINE, byFp.get(fp(inline)).suppression());
        assertEquals(List.of(unusedFp), ignore.unused(), "an entry used by an inline-allowed finding is not unused");

        Suppressions.Outcome dropped = Suppressions.apply(fs, IgnoreFile.load(ig), Baseline.load(base), false);
        assertEquals(List.of(fp(live)), dropped.findings().stream().map(Finding::fingerprint).toList());
        assertEquals(3, dropped.suppressed());
        assertEquals(fs.size(), Suppressions.apply(fs, null, null, false).findings().size() + 1);
        Files.delete(base);
    }

    private static String fp(String token) {
        return Fingerprint.of(Fixtures.TOKEN_RULE, token);
    }
}
