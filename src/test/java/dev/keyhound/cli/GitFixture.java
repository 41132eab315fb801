package dev.keyhound.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Real git repositories for tests, driven through the git CLI (what hooks and the Action run against). */
final class GitFixture {
    private GitFixture() {
    }

    /** Runs a command in dir and returns its trimmed stdout; fails the test on a non-zero exit. */
    static String run(Path dir, Map<String, String> env, String... command) {
        Result r = exec(dir, env, null, command);
        if (r.code != 0) {
            throw new AssertionError(String.join(" ", command) + " failed (" + r.code + "): " + r.stderr);
        }
        return r.stdout.strip();
    }

    static String git(Path dir, String... args) {
        List<String> cmd = new ArrayList<>(List.of("git", "-c", "user.name=Test", "-c", "user.email=test@example.com",
                "-c", "init.defaultBranch=main", "-c", "commit.gpgsign=false", "-c", "protocol.file.allow=always"));
        cmd.addAll(List.of(args));
        return run(dir, Map.of(), cmd.toArray(String[]::new));
    }

    record Result(int code, String stdout, String stderr) {
    }

    static Result exec(Path dir, Map<String, String> env, String stdin, String... command) {
        try {
            ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
            pb.environment().keySet().removeIf(k -> k.startsWith("GIT_") || k.startsWith("GITHUB_") || k.startsWith("KEYHOUND"));
            pb.environment().put("GIT_CONFIG_NOSYSTEM", "1");
            pb.environment().put("HOME", dir.toAbsolutePath().toString());
            pb.environment().putAll(env);
            Process p = pb.start();
            if (stdin != null) {
                p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
            }
            p.getOutputStream().close();
            // stderr is small in these tests; read it after stdout without risking a deadlock on big output
            var err = new java.util.concurrent.CompletableFuture<String>();
            Thread t = new Thread(() -> {
                try {
                    err.complete(new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
                } catch (IOException e) {
                    err.complete(e.toString());
                }
            });
            t.start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int code = p.waitFor();
            t.join();
            return new Result(code, out, err.join());
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    static Path init(Path dir) throws IOException {
        Files.createDirectories(dir);
        git(dir, "init", "-q");
        return dir;
    }

    /** Writes a file, commits it and returns the new commit id. */
    static String commit(Path repo, String file, String content) throws IOException {
        Path f = repo.resolve(file);
        Files.createDirectories(f.getParent());
        Files.writeString(f, content);
        git(repo, "add", file);
        git(repo, "commit", "-q", "-m", "change " + file);
        return git(repo, "rev-parse", "HEAD");
    }
}
