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
 * (parents first) had it. The walk's record of the trees' subtrees and blobs says which trees hold
 * none of the blobs (on hummingbot, half of its 171,651 trees for 984 blobs), and a tree already
 * read at the same path is not read again, so a commit costs the trees it changed on the way to
 * the blobs; no per-commit tree diff. It runs only when asked (a clean scan never pays).
 */
final class HistoryProvenance implements ProvenanceLookup {
    /** A target blob at a path below some tree. */
    private record Occurrence(String path, ObjectId blob) {
    }

    private final Repository repo;
    private final List<RevCommit> commits;
    private final ObjectIdOwnerMap<HistoryWalk.TreeNode> trees;

    /**
     * @param commits parents before children, as the history walk ordered them
     * @param trees   the trees the walk recorded (any may be missing): a tree known to hold none
     *                of the asked-for blobs is not read again
     */
    HistoryProvenance(Repository repo, List<RevCommit> commits, ObjectIdOwnerMap<HistoryWalk.TreeNode> trees) {
        this.repo = repo;
        this.commits = commits;
        this.trees = trees;
    }

    @Override
    public synchronized Map<String, List<Provenance>> introductions(Set<String> blobIds) {
        Set<ObjectId> targets = ids(blobIds);
        if (targets.isEmpty()) {
            return Map.of();
        }
        Pass pass = new Pass(targets);
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
     * One introductions pass. Each commit's tree is read from the root down, but a tree already
     * read at the same path (the unchanged directories of most commits) is passed over whole, and
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
            tree(c.getTree(), "", reader);
        }

        private void tree(AnyObjectId tree, String prefix, ObjectReader reader) throws IOException {
            HistoryWalk.TreeNode node = trees.get(tree);
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
            byte[] raw;
            try {
                raw = reader.open(tree, Constants.OBJ_TREE).getCachedBytes();
            } catch (MissingObjectException e) {
                return; // reported by the scan; nothing below it can be traced
            }
            RawTree entries = new RawTree(raw);
            while (entries.next()) {
                if (entries.kind() == RawTree.FILE && targets.contains(entries.id())) {
                    introduce(new Occurrence(prefix + entries.name(), entries.id().toObjectId()), reader);
                } else if (entries.kind() == RawTree.TREE) {
                    tree(entries.id().toObjectId(), prefix + entries.name() + '/', reader);
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
