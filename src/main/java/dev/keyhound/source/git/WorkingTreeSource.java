package dev.keyhound.source.git;

import dev.keyhound.source.Blob;
import dev.keyhound.source.BlobSink;
import dev.keyhound.source.Origin;
import dev.keyhound.source.Parallel;
import dev.keyhound.source.ScanStats;
import dev.keyhound.source.Source;
import dev.keyhound.source.SourceOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheIterator;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.treewalk.FileTreeIterator;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.WorkingTreeIterator;

/**
 * The checked-out working tree: tracked and untracked files, not ignored ones (.gitignore,
 * info/exclude, core.excludesFile, as git applies them). A tracked file stays in even when an
 * ignore rule matches it. Ignored directories are never entered, symlinks are not followed and
 * nested repositories (submodules) are not entered. OWNER: git helper.
 */
public final class WorkingTreeSource implements Source {
    private static final int CHUNK = 16;

    private final Path path;
    private final Repository repo;
    private final SourceOptions options;

    public WorkingTreeSource(Path repository, SourceOptions options) throws IOException {
        this.path = repository;
        this.repo = GitRepos.openWithWorkTree(repository, "no working tree to scan");
        this.options = options;
    }

    @Override
    public void scan(BlobSink sink, ScanStats stats) throws IOException {
        Path root = repo.getWorkTree().toPath();
        List<String> files = new ArrayList<>();
        List<String> nested = new ArrayList<>();
        try (TreeWalk tw = new TreeWalk(repo)) {
            tw.addTree(new FileTreeIterator(repo));
            tw.addTree(new DirCacheIterator(DirCache.read(repo)));
            tw.setRecursive(false);
            while (tw.next()) {
                WorkingTreeIterator file = tw.getTree(0, WorkingTreeIterator.class);
                if (file == null) {
                    continue; // tracked but deleted from disk
                }
                boolean tracked = tw.getTree(1, DirCacheIterator.class) != null;
                if (!tracked && file.isEntryIgnored()) {
                    continue;
                }
                FileMode mode = file.getEntryFileMode();
                if (tw.isSubtree()) {
                    tw.enterSubtree();
                } else if (mode == FileMode.GITLINK) {
                    nested.add(tw.getPathString());
                } else if (mode == FileMode.REGULAR_FILE || mode == FileMode.EXECUTABLE_FILE) {
                    files.add(tw.getPathString());
                }
            }
        }
        Problems.submodules(nested, stats);
        stats.expectedBlobs.set(files.size());
        Parallel.forEach(files, options.threads(), CHUNK, () -> file -> read(root, file, sink, stats));
    }

    private void read(Path root, String file, BlobSink sink, ScanStats stats) {
        if (!stats.wanted(sink, file)) {
            return;
        }
        Path p = root.resolve(file);
        byte[] bytes;
        try {
            if (Files.size(p) > options.maxFileSize()) {
                stats.skippedTooLarge.incrementAndGet();
                return;
            }
            if (!Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                return;
            }
            bytes = Files.readAllBytes(p);
        } catch (NoSuchFileException e) {
            return; // removed while we walked
        } catch (IOException e) {
            stats.unreadable.incrementAndGet();
            stats.warn("unreadable file, skipped: " + file + " (" + e.getMessage() + ")");
            return;
        }
        if (stats.admit(bytes, options.maxFileSize())) {
            sink.accept(new Blob(new Origin(Origin.Kind.GIT_WORKTREE, file, null, null), bytes));
        }
    }

    @Override
    public String describe() {
        return "working tree of " + path;
    }

    @Override
    public void close() {
        repo.close();
    }
}
