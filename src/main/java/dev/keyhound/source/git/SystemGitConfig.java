package dev.keyhound.source.git;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.util.FS;
import org.eclipse.jgit.util.SystemReader;

/**
 * Tells JGit where git's system-wide config file is, so that opening a repository does not start
 * `git --version` and `git config --system --edit` to ask (JGit's default, and about a fifth of a
 * pre-commit scan's run time). The answer is the one git itself uses: $GIT_CONFIG_SYSTEM when set,
 * else PREFIX/etc/gitconfig for the git found on PATH, where a /usr prefix means /etc/gitconfig.
 * GIT_CONFIG_NOSYSTEM keeps working: JGit checks it before it asks for the file.
 */
final class SystemGitConfig {
    private SystemGitConfig() {
    }

    /** Installs the answer on FS.DETECTED, the file system every repository here is opened with. */
    static void install() {
        if (SystemReader.getInstance().isWindows()) {
            return; // Git for Windows keeps it elsewhere; leave JGit's own discovery in charge
        }
        FS.DETECTED.setGitSystemConfig(locate(SystemReader.getInstance().getenv("GIT_CONFIG_SYSTEM"),
                SystemReader.getInstance().getenv("PATH")));
    }

    /** The system config file for these environment values; null when there is no git to have one. */
    static File locate(String gitConfigSystem, String path) {
        if (gitConfigSystem != null && !gitConfigSystem.isEmpty()) {
            return new File(gitConfigSystem);
        }
        Path git = findOnPath(path);
        if (git == null) {
            return null;
        }
        Path prefix = git.toAbsolutePath().getParent().getParent();
        if (prefix == null || prefix.toString().equals("/usr")) {
            return new File("/etc/gitconfig"); // git's Makefile: sysconfdir is /etc when prefix is /usr
        }
        return prefix.resolve("etc").resolve("gitconfig").toFile();
    }

    private static Path findOnPath(String path) {
        if (path == null) {
            return null;
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(dir, "git");
            if (Files.isExecutable(candidate) && !Files.isDirectory(candidate)) {
                try {
                    return candidate.toRealPath(); // /usr/local/bin/git -> its real install prefix
                } catch (java.io.IOException e) {
                    return candidate;
                }
            }
        }
        return null;
    }
}
