package dev.keyhound.source.git;

import dev.keyhound.rules.ExampleTemplate;
import dev.keyhound.source.Blob;
import dev.keyhound.source.BlobSink;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;

/** A real repository in a temp dir, with commits at fixed times by a fixed author. */
final class TestRepo implements AutoCloseable {
    static final Instant EPOCH = Instant.parse("2024-01-01T00:00:00Z");

    final Path dir;
    final Git git;
    private int clock;

    private TestRepo(Path dir, Git git) {
        this.dir = dir;
        this.git = git;
    }

    static TestRepo init(Path dir) throws GitAPIException {
        return new TestRepo(dir, Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call());
    }

    /** A random secret-shaped token, new per test run: never a literal in the source. */
    static String token(Random random) {
        return "KH" + ExampleTemplate.expand("{{alnum:38}}", random);
    }

    static PersonIdent author(int minute) {
        return new PersonIdent("Ada Author", "ada@example.com", EPOCH.plusSeconds(60L * minute), ZoneOffset.UTC);
    }

    TestRepo write(String path, String content) throws IOException {
        Path p = dir.resolve(path);
        Files.createDirectories(p.getParent());
        Files.writeString(p, content, StandardCharsets.UTF_8);
        return this;
    }

    TestRepo delete(String path) throws IOException {
        Files.delete(dir.resolve(path));
        return this;
    }

    TestRepo add(String pattern) throws GitAPIException {
        git.add().addFilepattern(pattern).call();
        return this;
    }

    /** Stages everything (including deletions) and commits at the next minute of the fixed clock. */
    RevCommit commit(String message) throws GitAPIException {
        git.add().addFilepattern(".").call();
        git.add().addFilepattern(".").setUpdate(true).call();
        PersonIdent who = author(++clock);
        return git.commit().setMessage(message).setAuthor(who).setCommitter(who).setSign(false).call();
    }

    int clock() {
        return clock;
    }

    @Override
    public void close() {
        git.close();
    }

    /** A sink that keeps every blob it is handed. */
    static final class Collected implements BlobSink {
        final List<Blob> blobs = new CopyOnWriteArrayList<>();

        @Override
        public void accept(Blob blob) {
            blobs.add(blob);
        }

        /** The blobs whose content holds the token: the test's stand-in for a detector. */
        List<Blob> containing(String token) {
            return blobs.stream().filter(b -> new String(b.bytes(), StandardCharsets.UTF_8).contains(token)).toList();
        }

        List<String> blobIds() {
            return blobs.stream().map(b -> b.origin().blobId()).toList();
        }
    }
}
