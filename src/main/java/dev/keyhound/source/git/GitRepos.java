package dev.keyhound.source.git;

import java.nio.file.Path;

/** OWNER: git helper. */
public final class GitRepos {
    private GitRepos() {
    }

    /** True when path is a git work tree (has .git, file or directory) or a bare repository. */
    public static boolean isRepository(Path path) {
        throw new UnsupportedOperationException("not built yet");
    }
}
