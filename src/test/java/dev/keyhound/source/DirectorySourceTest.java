package dev.keyhound.source;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DirectorySourceTest {
    @TempDir
    Path root;

    static Map<String, byte[]> scan(Source s, ScanStats stats) throws Exception {
        Map<String, byte[]> out = Collections.synchronizedMap(new TreeMap<>());
        s.scan(b -> out.put(b.origin().path(), b.bytes()), stats);
        return out;
    }

    void write(String rel, String content) throws Exception {
        Path p = root.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.writeString(p, content);
    }

    @Test
    void walksTheTreeWithPathsRelativeToTheRootSkippingGit() throws Exception {
        write("a.txt", "one");
        write("src/main/b.py", "two");
        write("empty.txt", "");
        write(".git/config", "[core]");
        write("sub/.git/HEAD", "ref");
        write(".github/workflows/ci.yml", "three");
        ScanStats stats = new ScanStats();
        Map<String, byte[]> got = scan(new DirectorySource(List.of(root), new SourceOptions(1000, 2)), stats);
        assertEquals(new TreeSet<>(List.of("a.txt", "src/main/b.py", "empty.txt", ".github/workflows/ci.yml")), got.keySet());
        assertArrayEquals("two".getBytes(), got.get("src/main/b.py"));
        assertEquals(4, stats.blobsScanned.get());
        assertEquals(11, stats.bytesScanned.get());
        assertEquals(4, stats.expectedBlobs.get());
    }

    @Test
    void aFileArgumentKeepsThePathAsGiven() throws Exception {
        write("d/x.env", "K=V");
        Path file = root.resolve("d/x.env");
        Map<String, byte[]> got = scan(new DirectorySource(List.of(file), SourceOptions.defaults()), new ScanStats());
        assertEquals(List.of(file.toString()), new ArrayList<>(got.keySet()));
    }

    @Test
    void skipsTooLargeAndBinaryFilesAndCountsThem() throws Exception {
        write("big.txt", "x".repeat(2000));
        write("ok.txt", "fine");
        Files.write(root.resolve("img.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 1});
        byte[] utf16 = ("\uFEFFtext").getBytes(StandardCharsets.UTF_16LE);
        Files.write(root.resolve("wide.txt"), utf16);
        ScanStats stats = new ScanStats();
        Map<String, byte[]> got = scan(new DirectorySource(List.of(root), new SourceOptions(1000, 1)), stats);
        assertEquals(new TreeSet<>(List.of("ok.txt", "wide.txt")), got.keySet(), "UTF-16 with a BOM is text");
        assertEquals(1, stats.skippedTooLarge.get());
        assertEquals(1, stats.skippedBinary.get());
    }

    @Test
    void doesNotFollowSymlinkedDirectoriesOutOfTheTree() throws Exception {
        Path outside = Files.createDirectories(root.resolveSibling(root.getFileName() + "-outside"));
        Files.writeString(outside.resolve("secret.txt"), "outside");
        Path tree = Files.createDirectories(root.resolve("tree"));
        Files.writeString(tree.resolve("in.txt"), "inside");
        Files.createSymbolicLink(tree.resolve("link"), outside);
        Files.createSymbolicLink(tree.resolve("loop"), tree);
        Map<String, byte[]> got = scan(new DirectorySource(List.of(tree), SourceOptions.defaults()), new ScanStats());
        assertEquals(List.of("in.txt"), new ArrayList<>(got.keySet()));
    }

    @Test
    void deliversEveryFileOnManyThreads() throws Exception {
        for (int i = 0; i < 300; i++) {
            write("d" + (i % 7) + "/f" + i + ".txt", "content " + i);
        }
        ScanStats stats = new ScanStats();
        Map<String, byte[]> got = scan(new DirectorySource(List.of(root), new SourceOptions(1 << 20, 4)), stats);
        assertEquals(300, got.size());
        assertEquals(300, stats.blobsScanned.get());
        assertEquals("content 42", new String(got.get("d0/f42.txt")));
    }

    @Test
    void aMissingPathIsABadTarget() {
        BadTargetException e = assertThrows(BadTargetException.class,
                () -> new DirectorySource(List.of(root.resolve("nope")), SourceOptions.defaults()).scan(b -> { }, new ScanStats()));
        assertTrue(e.getMessage().contains("nope"));
    }

    @Test
    void fiftyMegabyteFileIsSkippedUnderTheDefaultLimit() throws Exception {
        Path big = root.resolve("dump.sql");
        byte[] chunk = "INSERT INTO t VALUES (1);\n".repeat(40000).getBytes(StandardCharsets.US_ASCII);
        try (var out = Files.newOutputStream(big)) {
            for (long written = 0; written < 50L * 1024 * 1024; written += chunk.length) {
                out.write(chunk);
            }
        }
        ScanStats stats = new ScanStats();
        assertEquals(Map.of(), scan(new DirectorySource(List.of(root), SourceOptions.defaults()), stats));
        assertEquals(1, stats.skippedTooLarge.get());
        ScanStats wide = new ScanStats();
        Map<String, byte[]> got = scan(new DirectorySource(List.of(root), new SourceOptions(64L << 20, 2)), wide);
        assertEquals(Files.size(big), got.get("dump.sql").length);
    }

    @Test
    void stdinIsOneBlobAtDash() throws Exception {
        ScanStats stats = new ScanStats();
        Map<String, byte[]> got = scan(new StdinSource(new ByteArrayInputStream("hello".getBytes()), SourceOptions.defaults()), stats);
        assertEquals(Map.of("-", "hello".getBytes()).keySet(), got.keySet());
        assertEquals(Origin.Kind.STDIN, Origin.stdin().kind());
        assertEquals(1, stats.blobsScanned.get());

        ScanStats big = new ScanStats();
        assertEquals(Map.of(), scan(new StdinSource(new ByteArrayInputStream(new byte[101]), new SourceOptions(100, 1)), big));
        assertEquals(1, big.skippedTooLarge.get());
        assertEquals(1, big.warnings().size());

        ScanStats bin = new ScanStats();
        assertEquals(Map.of(), scan(new StdinSource(new ByteArrayInputStream(new byte[] {1, 0, 2}), SourceOptions.defaults()), bin));
        assertEquals(1, bin.skippedBinary.get());
    }
}
