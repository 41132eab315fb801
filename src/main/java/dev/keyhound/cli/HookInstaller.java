package dev.keyhound.cli;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/**
 * Installs and removes keyhound's git hooks in the directory git really runs hooks from:
 * core.hooksPath when set, else the common git directory's hooks/ (shared by every worktree).
 * A hook that is not ours is never overwritten: it is kept beside ours and run first.
 */
final class HookInstaller {
    private final Path hooksDir;

    HookInstaller(Path start) {
        this.hooksDir = findHooksDir(start);
    }

    /** Installs the hook and returns what happened, in one sentence for the user. */
    String install(HookType type, String command, boolean force) throws IOException {
        Path hook = hooksDir.resolve(type.fileName);
        Path chained = hooksDir.resolve(type.fileName + HookScripts.CHAINED_SUFFIX);
        Files.createDirectories(hooksDir);
        String outcome;
        if (isOurs(hook)) {
            if (!force) {
                return "keyhound " + type.fileName + " hook is already installed in " + hook
                        + " (--force rewrites it)";
            }
            outcome = "rewrote the keyhound " + type.fileName + " hook in " + hook;
        } else if (Files.exists(hook, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            if (Files.exists(chained, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                throw new UsageException("cannot keep the existing " + hook + ": " + chained
                        + " already exists; move one of them away first");
            }
            Files.move(hook, chained);
            outcome = "installed the keyhound " + type.fileName + " hook in " + hook
                    + "; your previous hook is kept as " + chained.getFileName() + " and runs first";
        } else {
            outcome = "installed the keyhound " + type.fileName + " hook in " + hook;
        }
        Files.writeString(hook, HookScripts.script(type, command), StandardCharsets.UTF_8);
        makeExecutable(hook);
        return outcome;
    }

    /** Removes our hook and puts a chained original back in its place. */
    String uninstall(HookType type) throws IOException {
        Path hook = hooksDir.resolve(type.fileName);
        Path chained = hooksDir.resolve(type.fileName + HookScripts.CHAINED_SUFFIX);
        if (!Files.exists(hook, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return "no " + type.fileName + " hook is installed in " + hooksDir;
        }
        if (!isOurs(hook)) {
            throw new UsageException(hook + " was not installed by keyhound; left as it is");
        }
        Files.delete(hook);
        if (Files.exists(chained, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            Files.move(chained, hook);
            return "removed the keyhound " + type.fileName + " hook and restored your previous one";
        }
        return "removed the keyhound " + type.fileName + " hook from " + hooksDir;
    }

    static boolean isOurs(Path hook) throws IOException {
        if (!Files.isRegularFile(hook)) {
            return false;
        }
        // The marker is on the second line; reading a few hundred bytes is enough.
        byte[] head = new byte[512];
        int n;
        try (var in = Files.newInputStream(hook)) {
            n = in.readNBytes(head, 0, head.length);
        }
        return new String(head, 0, n, StandardCharsets.UTF_8).contains(HookScripts.MARKER);
    }

    private static Path findHooksDir(Path start) {
        FileRepositoryBuilder builder = new FileRepositoryBuilder().findGitDir(start.toAbsolutePath().normalize().toFile());
        if (builder.getGitDir() == null) {
            throw new UsageException("not a git repository: " + start.toAbsolutePath());
        }
        try (Repository repo = builder.setMustExist(true).build()) {
            String hooksPath = repo.getConfig().getString("core", null, "hooksPath");
            if (hooksPath != null && !hooksPath.isBlank()) {
                if (hooksPath.startsWith("~/")) {
                    return Path.of(System.getProperty("user.home"), hooksPath.substring(2));
                }
                Path p = Path.of(hooksPath);
                if (p.isAbsolute()) {
                    return p;
                }
                // git resolves a relative core.hooksPath against the top of the working tree
                File base = repo.isBare() ? repo.getDirectory() : repo.getWorkTree();
                return base.toPath().resolve(p).normalize();
            }
            return repo.getCommonDirectory().toPath().resolve("hooks").normalize();
        } catch (IOException e) {
            throw new UsageException("cannot open the git repository at " + start.toAbsolutePath() + ": " + e.getMessage(), e);
        }
    }

    private static void makeExecutable(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        } catch (UnsupportedOperationException e) {
            file.toFile().setExecutable(true);
        }
    }
}
