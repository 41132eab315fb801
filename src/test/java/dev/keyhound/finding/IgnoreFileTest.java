package dev.keyhound.finding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IgnoreFileTest {
    private final Random rnd = new Random(new SecureRandom().nextLong());

    @TempDir
    Path dir;

    private String fp() {
        return Fingerprint.of("rule", Fixtures.alnum(rnd, 30));
    }

    @Test
    void readsFingerprintsCommentsAndReasons() throws IOException {
        String a = fp();
        String b = fp();
        String c = fp();
        Path file = dir.resolve(".keyhoundignore");
        Files.writeString(file, "# header comment\n\n" + a + "\n  " + b.toUpperCase(Locale.ROOT)
                + "   # test fixture, revoked\n" + c + "#no space\n", StandardCharsets.UTF_8);
        IgnoreFile ig = IgnoreFile.load(file);
        assertEquals(3, ig.size());
        assertTrue(ig.ignores(a));
        assertTrue(ig.ignores(b), "case does not matter");
        assertEquals("test fixture, revoked", ig.reason(b));
        assertEquals("", ig.reason(a));
        assertEquals("no space", ig.reason(c));
        assertFalse(ig.ignores(fp()));
        assertEquals(List.of(c), ig.unused(), "only c matched nothing");
    }

    @Test
    void absentFileIsEmpty() throws IOException {
        IgnoreFile ig = IgnoreFile.load(dir.resolve("missing"));
        assertEquals(0, ig.size());
        assertFalse(ig.ignores(fp()));
        assertTrue(IgnoreFile.empty().unused().isEmpty());
    }

    @Test
    void malformedLineNamesFileAndLineButNeverEchoesIt() throws IOException {
        String pasted = Fixtures.alnum(rnd, 40);
        Path file = dir.resolve(".keyhoundignore");
        Files.writeString(file, "# ok\n" + fp() + "\n" + pasted + "\n");
        IOException e = assertThrows(IOException.class, () -> IgnoreFile.load(file));
        assertTrue(e.getMessage().startsWith(file + ":3: "), e.getMessage());
        assertFalse(e.getMessage().contains(pasted));
        assertFalse(e.getMessage().contains("\n"));
    }

    @Test
    void appendCreatesAddsOnceAndKeepsExistingText() throws IOException {
        Path file = dir.resolve("sub/.keyhoundignore");
        String a = fp();
        String b = fp();
        assertTrue(IgnoreFile.append(file, a, "used in tests\nsecond line"));
        assertFalse(IgnoreFile.append(file, a.toUpperCase(Locale.ROOT), "again"), "already listed");
        Files.writeString(file, Files.readString(file) + "# kept comment", StandardCharsets.UTF_8);
        assertTrue(IgnoreFile.append(file, b, null));
        String text = Files.readString(file);
        assertTrue(text.startsWith("# keyhound ignore file"), text);
        assertTrue(text.contains(a + "  # used in tests second line\n"), text);
        assertTrue(text.contains("# kept comment\n" + b + "\n"), text);
        IgnoreFile ig = IgnoreFile.load(file);
        assertEquals(2, ig.size());
        assertEquals("used in tests second line", ig.reason(a));
        assertNull(ig.reason(fp()));
    }

    @Test
    void appendRejectsWhatIsNotAFingerprint() {
        assertThrows(IOException.class, () -> IgnoreFile.append(dir.resolve("x"), "abc", null));
        assertFalse(Files.exists(dir.resolve("x")));
    }

    @Test
    void usesAreRecordedAcrossThreads() throws Exception {
        Path file = dir.resolve(".keyhoundignore");
        StringBuilder b = new StringBuilder();
        List<String> fps = new java.util.ArrayList<>();
        for (int i = 0; i < 50; i++) {
            fps.add(fp());
            b.append(fps.get(i)).append('\n');
        }
        Files.writeString(file, b);
        IgnoreFile ig = IgnoreFile.load(file);
        fps.subList(0, 40).parallelStream().forEach(ig::ignores);
        assertEquals(fps.subList(40, 50), ig.unused());
    }
}
