package dev.keyhound.finding;

import static dev.keyhound.finding.Fixtures.alnum;
import static dev.keyhound.finding.Fixtures.exchangePair;
import static dev.keyhound.finding.Fixtures.file;
import static dev.keyhound.finding.Fixtures.token;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BaselineTest {
    private final Random rnd = new Random(new SecureRandom().nextLong());

    @TempDir
    Path dir;

    @Test
    void roundTripIsByteStableAndOnlyNewFindingsRemain() throws IOException {
        List<String> secrets = new ArrayList<>();
        FindingCollector first = new FindingCollector(5);
        for (int i = 0; i < 4; i++) {
            String t = alnum(rnd, 40);
            secrets.add(t);
            first.add(file("src/f" + i + ".py"), List.of(token(t, i + 1)));
        }
        String key = alnum(rnd, 64);
        String sec = alnum(rnd, 64);
        secrets.add(key);
        secrets.add(sec);
        first.add(file(".env"), List.of(exchangePair(key, sec, 1)));
        List<Finding> old = first.findings(null);

        Path base = dir.resolve("keyhound-baseline.json");
        Baseline.write(old, base);
        byte[] bytes = Files.readAllBytes(base);
        List<Finding> shuffled = new ArrayList<>(old);
        Collections.shuffle(shuffled, rnd);
        Baseline.write(shuffled, base);
        assertArrayEquals(bytes, Files.readAllBytes(base), "same findings, same bytes, whatever the order");

        String text = Files.readString(base);
        for (String s : secrets) {
            assertFalse(text.contains(s), "no secret in the baseline");
            assertFalse(text.contains(s.substring(0, 12)), "not even a long prefix");
        }
        assertFalse(text.matches("(?s).*\\d{4}-\\d{2}-\\d{2}T.*"), "no timestamps");
        assertTrue(text.endsWith("}\n"));

        Baseline loaded = Baseline.load(base);
        assertEquals(old.size(), loaded.size());
        old.forEach(f -> assertTrue(loaded.contains(f.fingerprint())));

        // a later scan: the old secrets moved to other lines and files, plus one new leak
        FindingCollector second = new FindingCollector(5);
        for (int i = 0; i < 4; i++) {
            second.add(file("moved/g" + i + ".py"), List.of(token(secrets.get(i), 40 + i)));
        }
        String fresh = alnum(rnd, 40);
        second.add(file("new.py"), List.of(token(fresh, 2)));
        Suppressions.Outcome out = Suppressions.apply(second.findings(null), null, loaded, false);
        assertEquals(1, out.findings().size());
        assertEquals(Fingerprint.of(Fixtures.TOKEN_RULE, fresh), out.findings().get(0).fingerprint());
        assertEquals(4, out.suppressed());
    }

    @Test
    void sortedByFingerprintWithReviewerFields() throws IOException {
        FindingCollector c = new FindingCollector(5);
        c.add(file("b.txt"), List.of(token(alnum(rnd, 40), 1)));
        c.add(file("a.txt"), List.of(token(alnum(rnd, 40), 1)));
        List<Finding> fs = c.findings(null);
        String text = new String(Baseline.render(fs), java.nio.charset.StandardCharsets.UTF_8);
        List<String> fps = fs.stream().map(Finding::fingerprint).sorted().toList();
        assertTrue(text.indexOf(fps.get(0)) < text.indexOf(fps.get(1)), text);
        assertTrue(text.contains("\"keyhound\" : \"baseline\""), text);
        assertTrue(text.contains("\"ruleId\" : \"" + Fixtures.TOKEN_RULE + "\""), text);
        assertTrue(text.contains("\"path\" : \"a.txt\""), text);
        assertFalse(text.contains("\r"));
    }

    @Test
    void badFilesGiveOneLineErrors() throws IOException {
        Path missing = dir.resolve("nope.json");
        IOException e1 = assertThrows(IOException.class, () -> Baseline.load(missing));
        assertTrue(e1.getMessage().contains("no such baseline file"));
        Path notJson = dir.resolve("x.json");
        Files.writeString(notJson, "hello {");
        assertThrows(IOException.class, () -> Baseline.load(notJson));
        Path other = dir.resolve("y.json");
        Files.writeString(other, "{\"something\": []}");
        IOException e3 = assertThrows(IOException.class, () -> Baseline.load(other));
        assertFalse(e3.getMessage().contains("\n"));
        Path badFp = dir.resolve("z.json");
        Files.writeString(badFp, "{\"findings\": [{\"fingerprint\": \"short\"}]}");
        assertThrows(IOException.class, () -> Baseline.load(badFp));
    }
}
