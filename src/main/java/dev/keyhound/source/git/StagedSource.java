package dev.keyhound.source.git;

import dev.keyhound.source.Blob;
import dev.keyhound.source.BlobSink;
import dev.keyhound.source.Content;
import dev.keyhound.source.Origin;
import dev.keyhound.source.ScanStats;
import dev.keyhound.source.Source;
import dev.keyhound.source.SourceOptions;
import java.io.IOException;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.HashSet;
import java.util.Set;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.dircache.DirCacheIterator;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevTree;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.EmptyTreeIterator;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.TreeFilter;

/**
 * What the index adds against HEAD; only added or changed lines are reportable. The pre-commit
 * path: no history walk, and unchanged subtrees are skipped through the index's cached tree ids.
 * Unstaged and untracked changes are not part of the commit and are ignored. Conflicted paths
 * (unmerged index stages) are skipped. A file moved unchanged (git mv) adds no line. OWNER: git helper.
 */
public final class StagedSource implements Source {
    private final Path path;
    private final Repository repo;
    private final SourceOptions options;

    public StagedSource(Path repository, SourceOptions options) throws IOException {
        this.path = repository;
        this.repo = GitRepos.openWithWorkTree(repository, "no index to scan");
        this.options = options;
    }

    @Override
    public void scan(BlobSink sink, ScanStats stats) throws IOException {
        Problems problems = new Problems(stats);
        // DirCache.read only reads: unlike `git status`, nothing refreshes or locks the index.
        DirCache index = DirCache.read(repo);
        try (ObjectReader reader = repo.newObjectReader(); RevWalk rw = new RevWalk(reader);
             TreeWalk tw = new TreeWalk(repo, reader)) {
            ObjectId headTree = repo.resolve(Constants.HEAD + "^{tree}");
            if (headTree != null) {
                tw.addTree(rw.parseTree(headTree));
            } else {
                tw.addTree(new EmptyTreeIterator()); // no commit yet: everything staged is new
                if (!unborn()) {
                    stats.warn("HEAD cannot be read (" + path + "/.git/HEAD is damaged): every staged file was scanned as new");
                }
            }
            tw.addTree(new DirCacheIterator(index));
            tw.setRecursive(true);
            tw.setFilter(TreeFilter.ANY_DIFF);
            Set<ObjectId> deleted = null; // computed on the first new file only: most commits add none
            BlobLoader loader = new BlobLoader(reader, options.maxFileSize(), stats, problems);
            while (tw.next()) {
                DirCacheIterator staged = tw.getTree(1, DirCacheIterator.class);
                if (staged == null) {
                    continue; // deleted in the index
                }
                DirCacheEntry entry = staged.getDirCacheEntry();
                if (entry == null || entry.getStage() != DirCacheEntry.STAGE_0 || !Modes.isFile(entry.getFileMode())) {
                    continue;
                }
                if (headTree != null && !Modes.isFile(tw.getFileMode(0))) {
                    if (deleted == null) {
                        deleted = deletedFromHead(repo, reader, rw.parseTree(headTree), index);
                    }
                    if (deleted.contains(entry.getObjectId())) {
                        continue; // moved unchanged (git mv): the content adds no line
                    }
                }
                String file = tw.getPathString();
                if (!stats.wanted(sink, file)) {
                    continue;
                }
                byte[] bytes = loader.text(entry.getObjectId(), file);
                if (bytes == null) {
                    continue;
                }
                BitSet lines = null;
                if (Modes.isFile(tw.getFileMode(0))) {
                    byte[] old = loader.base(tw.getObjectId(0), file);
                    if (old != null && !Content.looksBinary(old)) {
                        lines = LineDiff.addedLines(old, bytes);
                        if (lines.isEmpty()) {
                            continue; // only deletions: nothing new to report
                        }
                    }
                }
                sink.accept(new Blob(new Origin(Origin.Kind.GIT_STAGED, file, entry.getObjectId().name(), null),
                        bytes, lines));
                stats.blobsScanned.incrementAndGet();
                stats.bytesScanned.addAndGet(bytes.length);
            }
        }
        problems.summarize();
    }


    /** The blobs of the files HEAD has and the index no longer has at that path. */
    private static Set<ObjectId> deletedFromHead(Repository repo, ObjectReader reader, RevTree head, DirCache index)
            throws IOException {
        Set<ObjectId> deleted = new HashSet<>();
        try (TreeWalk tw = new TreeWalk(repo, reader)) {
            tw.addTree(head);
            tw.addTree(new DirCacheIterator(index));
            tw.setRecursive(true);
            tw.setFilter(TreeFilter.ANY_DIFF);
            while (tw.next()) {
                if (Modes.isFile(tw.getFileMode(0)) && tw.getTree(1, DirCacheIterator.class) == null) {
                    deleted.add(tw.getObjectId(0));
                }
            }
        }
        return deleted;
    }

    /** True when HEAD names a branch that has no commit yet, as in a fresh repository (not a damaged HEAD). */
    private boolean unborn() throws IOException {
        Ref head = repo.exactRef(Constants.HEAD);
        return head != null && head.isSymbolic() && head.getObjectId() == null;
    }

    @Override
    public String describe() {
        return "staged changes of " + path;
    }

    @Override
    public void close() {
        repo.close();
    }
}
