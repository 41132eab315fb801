package dev.keyhound.source.git;

import dev.keyhound.testing.TestRepo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.keyhound.source.ScanStats;
import dev.keyhound.source.Source;
import dev.keyhound.source.SourceOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A scan never writes to the repository: no index refresh, no lock file, no config write. */
class ReadOnlyTest {
    @TempDir
    Path tmp;

    /** Every file and directory under root with its content hash (files) and modification time. */
    private static Map<String, String> snapshot(Path root) throws Exception {
        Map<String, String> state = new TreeMap<>();
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : (Iterable<Path>) all::iterator) {
                BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
                String content = a.isRegularFile() ? HexFormat.of().formatHex(sha.digest(Files.readAllBytes(p))) : "dir";
                state.put(root.relativize(p).toString(), content + " " + a.lastModifiedTime().toMillis()
                        + " " + a.lastModifiedTime());
            }
        }
        return state;
    }

    @Test
    void everyKindOfScanLeavesTheRepositoryUntouched() throws Exception {
        Random random = new Random();
        Path dir = tmp.resolve("r");
        RevCommit base;
        try (TestRepo repo = TestRepo.init(dir)) {
            base = repo.write("a.txt", "a\n").write(".gitignore", "*.log\n").commit("one");
            repo.write("a.txt", "a\n" + TestRepo.token(random) + "\n").commit("two");
            repo.git.branchCreate().setName("side").call();
            repo.write("b.txt", "b\n").add("b.txt");
            repo.write("a.txt", "a\nunstaged\n").write("u.txt", "untracked\n").write("x.log", "ignored\n");
        }
        // Let the clock move on, so that any write would show up as a new modification time.
        Thread.sleep(20);
        Map<String, String> before = snapshot(dir);
        assertFalse(before.isEmpty());
        SourceOptions options = new SourceOptions(SourceOptions.DEFAULT_MAX_FILE_SIZE, 2);
        List<Source> sources = List.of(
                new HistorySource(dir, List.of(), options),
                new HistorySource(dir, List.of("side"), options),
                new StagedSource(dir, options),
                new RangeSource(dir, base.name() + "..HEAD", options),
                new WorkingTreeSource(dir, options));
        for (Source source : sources) {
            try (source) {
                source.scan(blob -> { }, new ScanStats());
                if (source instanceof HistorySource history) {
                    history.provenance().introductions(java.util.Set.of(base.getTree().name()));
                    history.provenance().presentInHead(java.util.Set.of(base.getTree().name()));
                }
            }
        }
        assertEquals(before, snapshot(dir));
    }

    @Test
    void scanningABareRepositoryLeavesItUntouched() throws Exception {
        Path dir = tmp.resolve("bare.git");
        try (TestRepo repo = TestRepo.init(tmp.resolve("src"))) {
            repo.write("a.txt", "a\n").commit("one");
        }
        org.eclipse.jgit.api.Git.cloneRepository().setURI(tmp.resolve("src").toUri().toString())
                .setDirectory(dir.toFile()).setBare(true).call().close();
        Thread.sleep(20);
        Map<String, String> before = snapshot(dir);
        try (HistorySource source = new HistorySource(dir, List.of(), SourceOptions.defaults())) {
            source.scan(blob -> { }, new ScanStats());
        }
        try (RangeSource source = new RangeSource(dir, "HEAD", SourceOptions.defaults())) {
            source.scan(blob -> { }, new ScanStats());
        }
        assertEquals(before, snapshot(dir));
    }
}
