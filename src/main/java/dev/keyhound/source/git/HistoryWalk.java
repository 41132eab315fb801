package dev.keyhound.source.git;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.lib.AnyObjectId;
import org.eclipse.jgit.lib.Constants;
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

        BlobEntry(AnyObjectId id, String path) {
            super(id);
            this.path = path;
        }
    }

    /**
     * A tree as the walk read it: its subtrees and blobs, each with its name's number in
     * {@link #names()}. The provenance pass goes down these instead of reading the trees again.
     */
    static final class TreeNode extends ObjectIdOwnerMap.Entry {
        /** Whether the walk has read (or is about to read) this tree: it reads each tree once. */
        boolean seen;
        /** Null until the tree is recorded (a missing one, or one past the budget, stays null). */
        TreeNode[] subtrees;
        int[] subtreeNames;
        BlobEntry[] blobs;
        int[] blobNames;

        TreeNode(AnyObjectId id) {
            super(id);
        }
    }

    /**
     * Tree entries recorded at most (about 12 bytes each with the nodes: some 50 MB); past it, the
     * provenance pass reads the trees not recorded, as it would without the record.
     */
    static final int TREE_ENTRIES_RECORDED = 4_000_000;

    private final ObjectIdOwnerMap<TreeNode> treeNodes = new ObjectIdOwnerMap<>();
    private final EntryNames names = new EntryNames();
    /** One tree's entries while it is read, before they are copied into its node. */
    private TreeNode[] subtreesHere = new TreeNode[64];
    private int[] subtreeNamesHere = new int[64];
    private BlobEntry[] blobsHere = new BlobEntry[64];
    private int[] blobNamesHere = new int[64];
    private final int entriesRecordable;
    private long entriesRecorded;

    private final RevWalk revWalk;
    private final ObjectReader reader;
    private final Problems problems;
    private final ObjectIdOwnerMap<BlobEntry> blobs = new ObjectIdOwnerMap<>();
    private final List<RevCommit> commits = new ArrayList<>();
    private final Set<String> submodules = new LinkedHashSet<>();

    HistoryWalk(RevWalk revWalk, Problems problems) {
        this(revWalk, problems, TREE_ENTRIES_RECORDED);
    }

    /** @param entriesRecordable how many tree entries to record for {@link #treeNodes()} at most */
    HistoryWalk(RevWalk revWalk, Problems problems, int entriesRecordable) {
        this.entriesRecordable = entriesRecordable;
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
        orderCommits(tips);
        for (RevCommit c : commits) {
            walkTree(treeNode(c.getTree()));
        }
        for (int i = 0; i < others.size(); i++) {
            if (others.get(i) instanceof RevTree t) {
                walkTree(treeNode(t));
            } else if (others.get(i) instanceof RevBlob b && blobs.get(b) == null) {
                blobs.add(new BlobEntry(b, otherNames.get(i)));
            }
        }
    }

    /**
     * Parents before children: an iterative depth-first post-order, so the oldest commit is walked
     * first. A commit may sit on the stack twice (reached from two children); the copy met after
     * it was entered is dropped.
     */
    private void orderCommits(List<RevCommit> tips) throws IOException {
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

    private void walkTree(TreeNode root) throws IOException {
        if (root.seen) {
            return;
        }
        root.seen = true;
        Deque<TreeNode> trees = new ArrayDeque<>();
        Deque<String> paths = new ArrayDeque<>();
        trees.push(root);
        paths.push("");
        while (!trees.isEmpty()) {
            TreeNode tree = trees.pop();
            String prefix = paths.pop();
            byte[] raw;
            try {
                raw = reader.open(tree, Constants.OBJ_TREE).getCachedBytes();
            } catch (MissingObjectException e) {
                problems.missing("tree " + tree.name() + (prefix.isEmpty() ? "" : " at " + prefix));
                continue;
            } catch (IOException e) {
                problems.unreadable("tree " + tree.name() + (prefix.isEmpty() ? "" : " at " + prefix), e);
                continue;
            }
            RawTree entries = new RawTree(raw);
            boolean record = entriesRecorded < entriesRecordable;
            int subtreeCount = 0;
            int blobCount = 0;
            while (entries.next()) {
                switch (entries.kind()) {
                    case RawTree.TREE -> {
                        TreeNode sub = treeNode(entries.id());
                        if (record) {
                            if (subtreeCount == subtreesHere.length) {
                                subtreesHere = Arrays.copyOf(subtreesHere, subtreeCount * 2);
                                subtreeNamesHere = Arrays.copyOf(subtreeNamesHere, subtreeCount * 2);
                            }
                            subtreesHere[subtreeCount] = sub;
                            subtreeNamesHere[subtreeCount++] = entries.nameIn(names);
                        }
                        if (!sub.seen) {
                            sub.seen = true;
                            trees.push(sub);
                            paths.push(entries.path(prefix));
                        }
                    }
                    case RawTree.FILE -> {
                        BlobEntry blob = blobs.get(entries.id());
                        if (blob == null) {
                            blob = new BlobEntry(entries.id(), entries.path(prefix));
                            blobs.add(blob);
                        }
                        if (record) {
                            if (blobCount == blobsHere.length) {
                                blobsHere = Arrays.copyOf(blobsHere, blobCount * 2);
                                blobNamesHere = Arrays.copyOf(blobNamesHere, blobCount * 2);
                            }
                            blobsHere[blobCount] = blob;
                            blobNamesHere[blobCount++] = entries.nameIn(names);
                        }
                    }
                    default -> submodules.add(entries.path(prefix));
                }
            }
            if (record) {
                tree.subtrees = Arrays.copyOf(subtreesHere, subtreeCount);
                tree.subtreeNames = Arrays.copyOf(subtreeNamesHere, subtreeCount);
                tree.blobs = Arrays.copyOf(blobsHere, blobCount);
                tree.blobNames = Arrays.copyOf(blobNamesHere, blobCount);
                entriesRecorded += subtreeCount + blobCount;
            }
        }
    }

    private TreeNode treeNode(AnyObjectId id) {
        TreeNode node = treeNodes.get(id);
        if (node == null) {
            node = new TreeNode(id);
            treeNodes.add(node);
        }
        return node;
    }

    /** The names of the recorded trees' entries. */
    EntryNames names() {
        return names;
    }

    /** The trees the walk recorded (within its budget), with their subtrees and blobs. */
    ObjectIdOwnerMap<TreeNode> treeNodes() {
        return treeNodes;
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
