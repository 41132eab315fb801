package dev.keyhound.source.git;

import dev.keyhound.finding.Provenance;
import dev.keyhound.finding.ProvenanceLookup;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.AnyObjectId;
import org.eclipse.jgit.lib.ObjectIdOwnerMap;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;

/**
 * For the blobs with findings: each commit that put the blob at a path where no earlier commit
 * (parents first) had it. The walk's record of the trees (their subtrees and blobs, with names)
 * is gone down instead of the repository: a tree that holds none of the blobs is passed over (on
 * hummingbot, half of its 171,651 trees for 984 blobs), and so is a tree already gone down at the
 * same path, so a commit costs the trees it changed on the way to the blobs; no per-commit tree
 * diff, and only trees the walk did not record are read again. It runs only when asked (a clean
 * scan never pays).
 */
final class HistoryProvenance implements ProvenanceLookup {
    /** A target blob at a path below some tree. */
    private record Occurrence(String path, ObjectId blob) {
    }

    private final Repository repo;
    private final List<RevCommit> commits;
    private final ObjectIdOwnerMap<HistoryWalk.TreeNode> trees;
    private final EntryNames names;
    private int treesRead;

    /**
     * @param commits parents before children, as the history walk ordered them
     * @param trees   the trees the walk recorded (any may be missing), with their entries' names
     *                in names: a recorded tree is never read again, and one known to hold none
     *                of the asked-for blobs is passed over
     */
    HistoryProvenance(Repository repo, List<RevCommit> commits, ObjectIdOwnerMap<HistoryWalk.TreeNode> trees,
            EntryNames names) {
        this.repo = repo;
        this.commits = commits;
        this.trees = trees;
        this.names = names;
    }

    /** How many trees the last introductions pass read from the repository (the rest came from the record). */
    synchronized int treesRead() {
        return treesRead;
    }

    @Override
    public synchronized Map<String, List<Provenance>> introductions(Set<String> blobIds) {
        Set<ObjectId> targets = ids(blobIds);
        if (targets.isEmpty()) {
            return Map.of();
        }
        Pass pass = new Pass(targets);
        treesRead = 0;
        try (ObjectReader reader = repo.newObjectReader()) {
            for (int order = 0; order < commits.size(); order++) {
                pass.commit(commits.get(order), order, reader);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, List<Provenance>> result = new HashMap<>();
        pass.found.forEach((blob, intros) -> result.put(blob, intros.stream()
                .sorted(Comparator.comparingLong(Intro::time).thenComparingInt(Intro::order))
                .map(Intro::provenance).toList()));
        return result;
    }

    private record Intro(Provenance provenance, long time, int order) {
    }

    /** The paths below which a tree was read already. */
    private static final class ReadAt extends ObjectIdOwnerMap.Entry {
        final List<String> prefixes = new ArrayList<>(1);

        ReadAt(AnyObjectId id) {
            super(id);
        }
    }

    /**
     * One introductions pass. Each commit's tree is gone down from the root, but a tree already
     * gone down at the same path (the unchanged directories of most commits) is passed over whole, and
     * so is a tree the walk knows holds none of the blobs: what such a tree holds there, an earlier
     * commit had. A (blob, path) pair belongs to the first commit, parents first, that holds it:
     * a parent comes before its children, so a pair a parent held is never new in a child, and a
     * rebased or cherry-picked copy on another branch is not another leak.
     */
    private final class Pass {
        final Set<ObjectId> targets;
        final Map<String, List<Intro>> found = new HashMap<>();
        final Set<Occurrence> introduced = new HashSet<>();
        final Map<HistoryWalk.TreeNode, Boolean> holding = new java.util.IdentityHashMap<>();
        final ObjectIdOwnerMap<ReadAt> read = new ObjectIdOwnerMap<>();
        RevCommit commit;
        int order;
        PersonIdent author;

        Pass(Set<ObjectId> targets) {
            this.targets = targets;
        }

        void commit(RevCommit c, int order, ObjectReader reader) throws IOException {
            this.commit = c;
            this.order = order;
            this.author = null;
            tree(c.getTree(), trees.get(c.getTree()), "", reader);
        }

        /** @param node the walk's record of the tree, or null */
        private void tree(AnyObjectId tree, HistoryWalk.TreeNode node, String prefix, ObjectReader reader) throws IOException {
            if (node != null && !holds(node)) {
                return;
            }
            ReadAt at = read.get(tree);
            if (at == null) {
                at = new ReadAt(tree);
                read.add(at);
            } else if (at.prefixes.contains(prefix)) {
                return;
            }
            at.prefixes.add(prefix);
            if (node != null && node.subtrees != null) {
                for (int i = 0; i < node.blobs.length; i++) {
                    if (targets.contains(node.blobs[i])) {
                        introduce(new Occurrence(prefix + names.name(node.blobNames[i]), node.blobs[i].toObjectId()), reader);
                    }
                }
                for (int i = 0; i < node.subtrees.length; i++) {
                    if (holds(node.subtrees[i])) {
                        tree(node.subtrees[i], node.subtrees[i], prefix + names.name(node.subtreeNames[i]) + '/', reader);
                    }
                }
                return;
            }
            byte[] raw;
            try {
                raw = reader.open(tree, Constants.OBJ_TREE).getCachedBytes();
                treesRead++;
            } catch (MissingObjectException e) {
                return; // reported by the scan; nothing below it can be traced
            }
            RawTree entries = new RawTree(raw);
            while (entries.next()) {
                if (entries.kind() == RawTree.FILE && targets.contains(entries.id())) {
                    introduce(new Occurrence(prefix + entries.name(), entries.id().toObjectId()), reader);
                } else if (entries.kind() == RawTree.TREE) {
                    ObjectId sub = entries.id().toObjectId();
                    tree(sub, trees.get(sub), prefix + entries.name() + '/', reader);
                }
            }
        }

        /**
         * Whether a tree the walk recorded holds an asked-for blob anywhere below it; a tree it
         * did not record (unreadable, or past its budget) may, and is read again.
         */
        private boolean holds(HistoryWalk.TreeNode node) {
            Boolean known = holding.get(node);
            if (known != null) {
                return known;
            }
            boolean found = node.subtrees == null;
            if (!found) {
                for (HistoryWalk.BlobEntry b : node.blobs) {
                    if (targets.contains(b)) {
                        found = true;
                        break;
                    }
                }
            }
            for (int i = 0; !found && i < node.subtrees.length; i++) {
                found = holds(node.subtrees[i]);
            }
            holding.put(node, found);
            return found;
        }

        private void introduce(Occurrence o, ObjectReader reader) throws IOException {
            if (!introduced.add(o)) {
                return;
            }
            if (author == null) {
                author = authorOf(commit, reader);
            }
            found.computeIfAbsent(o.blob().name(), k -> new ArrayList<>()).add(new Intro(
                    new Provenance(commit.name(), author.getName(), author.getEmailAddress(),
                            author.getWhenAsInstant(), o.path()),
                    commit.getCommitTime(), order));
        }
    }

    /** The walk keeps no commit bodies (memory); the few commits that matter are re-read. */
    private static PersonIdent authorOf(RevCommit c, ObjectReader reader) throws IOException {
        RevCommit full = RevCommit.parse(reader.open(c, Constants.OBJ_COMMIT).getCachedBytes());
        return full.getAuthorIdent();
    }


    @Override
    public synchronized Set<String> presentInHead(Set<String> blobIds) {
        return HeadTree.present(repo, blobIds);
    }

    static Set<ObjectId> ids(Set<String> blobIds) {
        Set<ObjectId> ids = new HashSet<>();
        for (String s : blobIds) {
            if (ObjectId.isId(s)) {
                ids.add(ObjectId.fromString(s));
            }
        }
        return ids;
    }
}
