package dev.keyhound.acceptance;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;

/** A real repository built with JGit in a temp dir; commits by one author on a fixed clock, a minute apart. */
final class GitRepo implements AutoCloseable {
    static final Instant EPOCH = Instant.parse("2024-03-01T00:00:00Z");
    static final String AUTHOR = "Ada Author";
    static final String EMAIL = "ada@example.com";

    final Path dir;
    final Git git;
    private int minute;

    private GitRepo(Path dir, Git git) {
        this.dir = dir;
        this.git = git;
    }

    static GitRepo init(Path dir) throws GitAPIException {
        return new GitRepo(dir, Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call());
    }

    static GitRepo reopen(Path dir) throws IOException {
        return new GitRepo(dir, Git.open(dir.toFile()));
    }

    GitRepo write(String path, String content) throws IOException {
        Path p = dir.resolve(path);
        Files.createDirectories(p.getParent());
        Files.writeString(p, content, StandardCharsets.UTF_8);
        return this;
    }

    GitRepo delete(String path) throws IOException {
        Files.delete(dir.resolve(path));
        return this;
    }

    GitRepo stage(String path) throws GitAPIException {
        git.add().addFilepattern(path).call();
        return this;
    }

    /** The author (and committer) of the next commit. */
    PersonIdent nextIdent() {
        minute++;
        return new PersonIdent(AUTHOR, EMAIL, EPOCH.plusSeconds(60L * minute), ZoneOffset.UTC);
    }

    /** Stages everything, deletions included, and commits. */
    RevCommit commit(String message) throws GitAPIException {
        git.add().addFilepattern(".").call();
        git.add().addFilepattern(".").setUpdate(true).call();
        PersonIdent who = nextIdent();
        return git.commit().setMessage(message).setAuthor(who).setCommitter(who).setSign(false).call();
    }

    @Override
    public void close() {
        git.close();
    }
}
