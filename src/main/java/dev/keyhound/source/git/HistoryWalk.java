package dev.keyhound.source.git;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.lib.AnyObjectId;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectIdOwnerMap;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.revwalk.RevBlob;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevFlag;
import org.eclipse.jgit.revwalk.RevObject;
import org.eclipse.jgit.revwalk.RevTree;
import org.eclipse.jgit.revwalk.RevWalk;

/**
 * Enumerates the blobs reachable from a set of start objects, each with the first path it was
 * seen at, walking commits parents-first so "first" means oldest. Every tree is parsed once
 * (a tree already seen is skipped whole), which is the ObjectWalk design of performance.md §3
 * but written out so that one missing commit or tree is skipped with a warning instead of
 * ending the walk.
 */
final class HistoryWalk {
    /** A reachable blob: its first path, and where it sits in the object store once sorted. */
    static final class BlobEntry extends ObjectIdOwnerMap.Entry {
        final String path;
        int pack = Integer.MAX_VALUE;
        long offset;
        long size = -1;
        volatile boolean done;
        /** Its number in the walk's tree record. */
        int number;

        BlobEntry(AnyObjectId id, String path) {
            super(id);
            this.path = path;
        }
    }

    /**
     * Tree entries recorded at most (about 8 bytes each: some 32 MB); past it, the provenance pass
     * reads the trees not recorded, as it would without the record.
     */
    static final int TREE_ENTRIES_RECORDED = 4_000_000;

    private final TreeRecord trees;

    private final RevWalk revWalk;
    private final ObjectReader reader;
    private final Problems problems;
    private final ObjectIdOwnerMap<BlobEntry> blobs = new ObjectIdOwnerMap<>();
    private final List<RevCommit> commits = new ArrayList<>();
    private final Set<String> submodules = new LinkedHashSet<>();
    private final boolean readAhead;
    /** The packs whose trees are read without JGit ({@link PackedObjects}); none by default. */
    private final List<PackOrder.IndexedPack> packs;
    /** The trees read ahead, while the walk goes through them. */
    private TreePrefetch prefetch;

    HistoryWalk(RevWalk revWalk, Problems problems) {
        this(revWalk, problems, TREE_ENTRIES_RECORDED);
    }

    /** A walk that reads the trees in these packs itself ({@link PackedObjects}), and the rest through JGit. */
    HistoryWalk(RevWalk revWalk, Problems problems, List<PackOrder.IndexedPack> packs) {
        this(revWalk, problems, TREE_ENTRIES_RECORDED, true, packs);
    }

    /** @param entriesRecordable how many tree entries to record for {@link #trees()} at most */
    HistoryWalk(RevWalk revWalk, Problems problems, int entriesRecordable) {
        this(revWalk, problems, entriesRecordable, true);
    }

    /** @param readAhead whether a second thread reads the trees ahead of the walk ({@link TreePrefetch}) */
    HistoryWalk(RevWalk revWalk, Problems problems, int entriesRecordable, boolean readAhead) {
        this(revWalk, problems, entriesRecordable, readAhead, List.of());
    }

    /** @param packs the packs whose trees are read without JGit ({@link PackedObjects}) */
    HistoryWalk(RevWalk revWalk, Problems problems, int entriesRecordable, boolean readAhead,
                List<PackOrder.IndexedPack> packs) {
        this.readAhead = readAhead;
        this.packs = packs;
        this.trees = new TreeRecord(entriesRecordable);
        this.revWalk = revWalk;
        this.reader = revWalk.getObjectReader();
        this.problems = problems;
    }

    /**
     * Walks everything reachable from the start objects (commits, annotated tags, trees, blobs),
     * each given with the ref name that points at it: a blob tagged directly has no path, so it
     * is shown under its ref's name.
     */
    void walk(Map<ObjectId, String> starts) throws IOException {
        List<RevCommit> tips = new ArrayList<>();
        List<RevObject> others = new ArrayList<>();
        List<String> otherNames = new ArrayList<>();
        for (Map.Entry<ObjectId, String> start : starts.entrySet()) {
            ObjectId id = start.getKey();
            RevObject obj;
            try {
                obj = revWalk.peel(revWalk.parseAny(id));
            } catch (MissingObjectException e) {
                problems.missing(id.name() + " (a ref target)");
                continue;
            } catch (IOException e) {
                problems.unreadable(id.name() + " (a ref target)", e);
                continue;
            }
            if (obj instanceof RevCommit c) {
                tips.add(c);
            } else {
                others.add(obj);
                otherNames.add(start.getValue());
            }
        }
        // The commits are ordered on a thread of their own while the walk goes down the trees of
        // those already ordered: ordering alone kept one core of two busy for 0.45 s (hummingbot).
        // It reads commits through the RevWalk's reader; the walk reads trees through its own.
        RootFeed roots = new RootFeed();
        Throwable[] failed = new Throwable[1];
        Thread ordering = new Thread(() -> {
            try {
                orderCommits(tips, roots);
            } catch (IOException | RuntimeException | Error e) {
                failed[0] = e;
            } finally {
                roots.end();
            }
        }, "keyhound-order");
        ordering.setDaemon(true);
        // The tree reader reads what the walk will: the commits' trees, then the trees refs name.
        List<AnyObjectId> otherTrees = others.stream().filter(o -> o instanceof RevTree).map(o -> (AnyObjectId) o).toList();
        Iterable<AnyObjectId> allRoots = () -> java.util.stream.Stream.concat(
                java.util.stream.StreamSupport.stream(roots.spliterator(), false), otherTrees.stream()).iterator();
        try (ObjectReader treeReader = reader.newReader();
             PackedObjects packed = PackedObjects.of(packs);
             TreePrefetch started = readAhead ? TreePrefetch.start(reader.newReader(), PackedObjects.of(packs), allRoots) : null) {
            prefetch = started;
            ordering.start();
            try {
                for (AnyObjectId root : roots) {
                    walkTree(trees.node(root), treeReader, packed);
                }
            } finally {
                awaitOrdering(ordering);
            }
            if (failed[0] instanceof IOException e) {
                throw e;
            } else if (failed[0] instanceof RuntimeException e) {
                throw e;
            } else if (failed[0] instanceof Error e) {
                throw e;
            }
            for (int i = 0; i < others.size(); i++) {
                if (others.get(i) instanceof RevTree t) {
                    walkTree(trees.node(t), treeReader, packed);
                } else if (others.get(i) instanceof RevBlob b && blobs.get(b) == null) {
                    newBlob(b, otherNames.get(i));
                }
            }
        } finally {
            prefetch = null;
        }
    }

    /** Waits for the ordering thread, which has ended its feed (the walk went through all of it). */
    private static void awaitOrdering(Thread ordering) {
        boolean interrupted = false;
        while (true) {
            try {
                ordering.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Parents before children: an iterative depth-first post-order, so the oldest commit is walked
     * first. A commit may sit on the stack twice (reached from two children); the copy met after
     * it was entered is dropped.
     */
    private void orderCommits(List<RevCommit> tips, RootFeed roots) throws IOException {
        RevFlag entered = revWalk.newFlag("keyhound-entered");
        Deque<RevCommit> stack = new ArrayDeque<>();
        Deque<Boolean> expanded = new ArrayDeque<>();
        for (RevCommit tip : tips) {
            stack.push(tip);
            expanded.push(false);
            while (!stack.isEmpty()) {
                RevCommit c = stack.peek();
                boolean done = expanded.pop();
                if (done) {
                    stack.pop();
                    commits.add(c);
                    roots.add(c.getTree());
                    continue;
                }
                if (c.has(entered)) {
                    stack.pop();
                    continue;
                }
                c.add(entered);
                try {
                    revWalk.parseHeaders(c);
                } catch (MissingObjectException e) {
                    problems.missing("commit " + c.name());
                    stack.pop();
                    continue;
                } catch (IOException e) {
                    problems.unreadable("commit " + c.name(), e);
                    stack.pop();
                    continue;
                }
                expanded.push(true);
                for (int i = c.getParentCount() - 1; i >= 0; i--) {
                    RevCommit p = c.getParent(i);
                    if (!p.has(entered)) {
                        stack.push(p);
                        expanded.push(false);
                    }
                }
            }
        }
        revWalk.disposeFlag(entered);
    }

    private void walkTree(TreeRecord.Node root, ObjectReader reader, PackedObjects packed) throws IOException {
        if (root.seen) {
            return;
        }
        root.seen = true;
        Deque<TreeRecord.Node> pending = new ArrayDeque<>();
        Deque<String> paths = new ArrayDeque<>();
        pending.push(root);
        paths.push("");
        EntryNames names = trees.names();
        while (!pending.isEmpty()) {
            TreeRecord.Node tree = pending.pop();
            String prefix = paths.pop();
            byte[] raw = prefetch == null ? null : prefetch.next(tree);
            try {
                if (raw == null) {
                    raw = packed.tree(tree, reader);
                }
            } catch (MissingObjectException e) {
                problems.missing("tree " + tree.name() + (prefix.isEmpty() ? "" : " at " + prefix));
                continue;
            } catch (IOException e) {
                problems.unreadable("tree " + tree.name() + (prefix.isEmpty() ? "" : " at " + prefix), e);
                continue;
            }
            RawTree entries = new RawTree(raw);
            boolean record = trees.recording();
            int start = trees.mark();
            while (entries.next()) {
                // Each name is read from the tree's bytes once, and decoded once per distinct name.
                int nameId = entries.nameIn(names);
                switch (entries.kind()) {
                    case RawTree.TREE -> {
                        TreeRecord.Node sub = trees.node(entries.id());
                        if (record) {
                            trees.add(sub, nameId);
                        }
                        if (!sub.seen) {
                            sub.seen = true;
                            pending.push(sub);
                            paths.push(path(prefix, names.name(nameId)));
                        }
                    }
                    case RawTree.FILE -> {
                        BlobEntry blob = blobs.get(entries.id());
                        if (blob == null) {
                            blob = newBlob(entries.id(), path(prefix, names.name(nameId)));
                        }
                        if (record) {
                            trees.add(blob.number, nameId);
                        }
                    }
                    default -> submodules.add(path(prefix, names.name(nameId)));
                }
            }
            if (record) {
                trees.recorded(tree, start);
            }
        }
    }

    /** prefix + "/" + name, or just name at the root. */
    private static String path(String prefix, String name) {
        return prefix.isEmpty() ? name : prefix + '/' + name;
    }

    /**
     * One string per distinct path: a file's versions share their path's, so the detectors' per-path
     * caches find it by identity instead of comparing the chars of an equal copy per blob.
     */
    private final java.util.Map<String, String> paths = new java.util.HashMap<>();

    private BlobEntry newBlob(AnyObjectId id, String path) {
        BlobEntry blob = new BlobEntry(id, paths.computeIfAbsent(path, p -> p));
        blob.number = trees.number(blob);
        blobs.add(blob);
        return blob;
    }

    /** The trees the walk read, with the entries of those it recorded (within its budget). */
    TreeRecord trees() {
        return trees;
    }

    ObjectIdOwnerMap<BlobEntry> blobs() {
        return blobs;
    }

    /** The commits walked, parents before children. */
    List<RevCommit> commits() {
        return commits;
    }

    /** Paths of gitlinks (submodules) met in any tree; their content is another repository. */
    Set<String> submodules() {
        return submodules;
    }
}
