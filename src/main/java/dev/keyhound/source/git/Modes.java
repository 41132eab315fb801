package dev.keyhound.source.git;

import org.eclipse.jgit.lib.FileMode;

/** Which tree entries hold scannable content. */
final class Modes {
    private Modes() {
    }

    /** A regular or executable file, or a symlink (its target path is text too); not a tree or submodule. */
    static boolean isFile(FileMode mode) {
        int type = mode.getBits() & FileMode.TYPE_MASK;
        return type == FileMode.TYPE_FILE || type == FileMode.TYPE_SYMLINK;
    }
}
