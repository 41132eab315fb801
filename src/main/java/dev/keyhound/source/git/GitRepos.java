package dev.keyhound.source.git;

import dev.keyhound.source.BadTargetException;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.errors.ConfigInvalidException;
import org.eclipse.jgit.internal.JGitText;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.RepositoryCache;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.storage.file.WindowCacheConfig;
import org.eclipse.jgit.util.FS;
import org.eclipse.jgit.util.SystemReader;

/**
 * Finding and opening repositories for reading. Every git source opens its repository here, so
 * the rules "never write, never search upwards, tune the pack cache once" live in one place.
 * OWNER: git helper.
 */
public final class GitRepos {
    private static volatile boolean cacheTuned;

    private GitRepos() {
    }

    /** True when path is a git work tree (has .git, file or directory) or a bare repository. */
    public static boolean isRepository(Path path) {
        if (path == null || !Files.isDirectory(path)) {
            return false;
        }
        if (Files.exists(path.resolve(".git"))) {
            return true;
        }
        return RepositoryCache.FileKey.isGitRepository(path.toFile(), FS.DETECTED);
    }

    /**
     * Opens the repository at path (a work tree, a linked worktree or a bare repository) without
     * writing anything to it. Commit-graph reading is switched on in memory only.
     *
     * @throws BadTargetException when path is not a repository
     */
    public static Repository open(Path path) throws IOException {
        tuneWindowCache();
        if (path == null || !Files.isDirectory(path)) {
            throw new BadTargetException("not a directory: " + path);
        }
        FileRepositoryBuilder builder = new FileRepositoryBuilder().setMustExist(true);
        File dir = path.toAbsolutePath().normalize().toFile();
        if (Files.exists(path.resolve(".git"))) {
            builder.setWorkTree(dir);
        } else if (RepositoryCache.FileKey.isGitRepository(dir, FS.DETECTED)) {
            builder.setGitDir(dir);
        } else {
            throw new BadTargetException("not a git repository: " + path);
        }
        Repository repo;
        try {
            repo = builder.build();
        } catch (IOException | IllegalArgumentException e) {
            throw new BadTargetException("cannot open git repository " + path + ": " + e.getMessage());
        }
        // In memory only: FileBasedConfig writes nothing unless save() is called.
        repo.getConfig().setBoolean("core", null, "commitGraph", true);
        return repo;
    }

    /**
     * {@link #open}, for a scan that needs a working tree and index.
     *
     * @param lacking what a bare repository has none of, for the error ("no index to scan")
     * @throws BadTargetException when path is not a repository, or a bare one
     */
    public static Repository openWithWorkTree(Path path, String lacking) throws IOException {
        Repository repo = open(path);
        if (repo.isBare()) {
            repo.close();
            throw new BadTargetException("a bare repository has " + lacking + ": " + path);
        }
        return repo;
    }

    /**
     * Does, ahead of time and on the calling thread, the repository-independent part of opening a
     * repository: the pack cache settings, the system config location, the user's config and
     * JGit's message bundle. The CLI calls it on a second thread while the main thread is still
     * parsing the command line; everything here is read-only and shared by later opens.
     */
    public static void warmUp() {
        tuneWindowCache();
        JGitText.get();
        try {
            SystemReader.getInstance().getUserConfig();
        } catch (IOException | ConfigInvalidException e) {
            // opening the repository reads the same file again and reports the problem there
        }
    }

    /**
     * JGit's defaults (8 KiB windows, 10 MB cache, no mmap) halve read speed on whole-history scans
     * (performance.md §3). Installed once per JVM, before the first repository is opened, together
     * with the system config location (which JGit would otherwise ask a git subprocess for).
     */
    static void tuneWindowCache() {
        if (cacheTuned) {
            return;
        }
        synchronized (GitRepos.class) {
            if (cacheTuned) {
                return;
            }
            WindowCacheConfig cfg = new WindowCacheConfig();
            cfg.setPackedGitMMAP(true);
            cfg.setPackedGitWindowSize(1024 * 1024);
            cfg.setPackedGitLimit(Math.max(256L << 20, Math.min(8L << 30, Runtime.getRuntime().maxMemory() * 2)));
            cfg.setDeltaBaseCacheLimit(64 << 20);
            cfg.setStreamFileThreshold((int) Math.min(64L << 20, Runtime.getRuntime().maxMemory() / 8));
            cfg.install();
            SystemGitConfig.install();
            cacheTuned = true;
        }
    }
}
