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
    private final TreeRecord trees;
    private int treesRead;

    /**
     * @param commits parents before children, as the history walk ordered them
     * @param trees   the walk's record of the trees (any may be unrecorded): a recorded tree is
     *                never read again, and one known to hold none of the asked-for blobs is
     *                passed over
     */
    HistoryProvenance(Repository repo, List<RevCommit> commits, TreeRecord trees) {
        this.repo = repo;
        this.commits = commits;
        this.trees = trees;
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
        /** Per blob number of the walk's record: whether it is a target. */
        final boolean[] isTarget;
        final Map<String, List<Intro>> found = new HashMap<>();
        final Set<Occurrence> introduced = new HashSet<>();
        /** Per node id: 0 not known yet, 1 holds none of the targets, 2 holds one. */
        final byte[] holding = new byte[trees.nodeCount()];
        /** Per node id of the walk's record: the paths below which that tree was read already. */
        final ReadAt[] readNodes = new ReadAt[trees.nodeCount()];
        /** The same for trees the walk did not record. */
        final ObjectIdOwnerMap<ReadAt> read = new ObjectIdOwnerMap<>();
        RevCommit commit;
        int order;
        PersonIdent author;

        Pass(Set<ObjectId> targets) {
            this.targets = targets;
            this.isTarget = trees.blobsAmong(targets);
        }

        void commit(RevCommit c, int order, ObjectReader reader) throws IOException {
            this.commit = c;
            this.order = order;
            this.author = null;
            tree(c.getTree(), trees.get(c.getTree()), "", reader);
        }

        /** @param node the walk's record of the tree, or null */
        private void tree(AnyObjectId tree, TreeRecord.Node node, String prefix, ObjectReader reader) throws IOException {
            if (node != null && !holds(node)) {
                return;
            }
            ReadAt at = node != null ? readNodes[node.id] : read.get(tree);
            if (at == null) {
                at = new ReadAt(tree);
                if (node != null) {
                    readNodes[node.id] = at;
                } else {
                    read.add(at);
                }
            } else if (at.prefixes.contains(prefix)) {
                return;
            }
            at.prefixes.add(prefix);
            if (node != null && node.recorded()) {
                for (int e = node.first; e < node.first + node.count; e++) {
                    TreeRecord.Node sub = trees.subtree(e);
                    if (sub == null) {
                        if (trees.blobAmong(e, isTarget)) {
                            introduce(new Occurrence(prefix + trees.name(e), trees.blob(e).toObjectId()), reader);
                        }
                    } else if (holds(sub)) {
                        tree(sub, sub, prefix + trees.name(e) + '/', reader);
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
        private boolean holds(TreeRecord.Node node) {
            if (holding[node.id] != 0) {
                return holding[node.id] == 2;
            }
            boolean found = !node.recorded();
            for (int e = node.first; !found && e < node.first + node.count; e++) {
                TreeRecord.Node sub = trees.subtree(e);
                found = sub == null ? trees.blobAmong(e, isTarget) : holds(sub);
            }
            holding[node.id] = (byte) (found ? 2 : 1);
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
