package dev.keyhound.testing;

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

/**
 * A real repository built with JGit in a temp dir, for every test that needs one: commits by one
 * author on a fixed clock, a minute apart.
 */
public final class TestRepo implements AutoCloseable {
    public static final Instant EPOCH = Instant.parse("2024-01-01T00:00:00Z");
    public static final String AUTHOR = "Ada Author";
    public static final String EMAIL = "ada@example.com";

    public final Path dir;
    public final Git git;
    private int clock;

    private TestRepo(Path dir, Git git) {
        this.dir = dir;
        this.git = git;
    }

    public static TestRepo init(Path dir) throws GitAPIException {
        return new TestRepo(dir, Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call());
    }

    public static TestRepo reopen(Path dir) throws IOException {
        return new TestRepo(dir, Git.open(dir.toFile()));
    }

    /** A random secret-shaped token, new per test run: never a literal in the source. */
    public static String token(Random random) {
        return "KH" + ExampleTemplate.expand("{{alnum:38}}", random);
    }

    public static PersonIdent author(int minute) {
        return new PersonIdent(AUTHOR, EMAIL, EPOCH.plusSeconds(60L * minute), ZoneOffset.UTC);
    }

    /** The author (and committer) of the next commit, tag or stash: the clock's next minute. */
    public PersonIdent nextIdent() {
        return author(++clock);
    }

    public TestRepo write(String path, String content) throws IOException {
        Path p = dir.resolve(path);
        Files.createDirectories(p.getParent());
        Files.writeString(p, content, StandardCharsets.UTF_8);
        return this;
    }

    public TestRepo delete(String path) throws IOException {
        Files.delete(dir.resolve(path));
        return this;
    }

    public TestRepo add(String pattern) throws GitAPIException {
        git.add().addFilepattern(pattern).call();
        return this;
    }

    /** Stages everything (including deletions) and commits at the next minute of the fixed clock. */
    public RevCommit commit(String message) throws GitAPIException {
        git.add().addFilepattern(".").call();
        git.add().addFilepattern(".").setUpdate(true).call();
        PersonIdent who = nextIdent();
        return git.commit().setMessage(message).setAuthor(who).setCommitter(who).setSign(false).call();
    }

    public int clock() {
        return clock;
    }

    /**
     * A random history of the given commits: few distinct contents written, copied and moved
     * between the directories given, and files deleted, so that the same blob sits at many paths
     * and times and unchanged subtrees are shared between commits.
     */
    public TestRepo randomHistory(java.util.Random rnd, String[] dirs, int commits) throws IOException, GitAPIException {
        java.util.Map<String, String> files = new java.util.TreeMap<>();
        for (int commit = 0; commit < commits; commit++) {
            for (int change = 0; change < 1 + rnd.nextInt(3); change++) {
                String path = dirs[rnd.nextInt(dirs.length)] + "/f" + rnd.nextInt(6) + ".txt";
                int what = files.isEmpty() ? 0 : rnd.nextInt(4);
                String other = files.isEmpty() ? null
                        : files.keySet().stream().skip(rnd.nextInt(files.size())).findFirst().orElseThrow();
                if (what == 3) {
                    files.remove(other);
                    delete(other);
                    continue;
                }
                files.put(path, what == 2 ? files.get(other) : "v" + rnd.nextInt(16) + "\n"); // a copy, or a content
                if (what == 2 && rnd.nextBoolean() && !other.equals(path)) {
                    files.remove(other); // a move
                    delete(other);
                }
                write(path, files.get(path));
            }
            commit("c" + commit);
        }
        return this;
    }

    @Override
    public void close() {
        git.close();
    }

    /** A sink that keeps every blob it is handed. */
    public static final class Collected implements BlobSink {
        public final List<Blob> blobs = new CopyOnWriteArrayList<>();
        private final java.util.function.Predicate<String> wanted;

        public Collected() {
            this(path -> true);
        }

        /** A sink that wants only the paths wanted accepts ({@link BlobSink#wants}). */
        public Collected(java.util.function.Predicate<String> wanted) {
            this.wanted = wanted;
        }

        @Override
        public boolean wants(String path) {
            return wanted.test(path);
        }

        @Override
        public void accept(Blob blob) {
            blobs.add(blob);
        }

        /** The blobs whose content holds the token: the test's stand-in for a detector. */
        public List<Blob> containing(String token) {
            return blobs.stream().filter(b -> new String(b.bytes(), StandardCharsets.UTF_8).contains(token)).toList();
        }

        public List<String> blobIds() {
            return blobs.stream().map(b -> b.origin().blobId()).toList();
        }
    }
}
