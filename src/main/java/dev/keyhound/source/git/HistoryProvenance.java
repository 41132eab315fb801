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
 * For the few blobs with findings: each commit that put the blob at a path where none of its
 * parents had it. Each tree is read once and remembers where, below it, the asked-for blobs sit
 * (almost always nowhere), so a commit costs a lookup of its root tree plus a comparison with
 * its parents' lists; no per-commit tree diff. It runs only when asked (a clean scan never pays).
 */
final class HistoryProvenance implements ProvenanceLookup {
    /** A target blob at a path below some tree. */
    private record Occurrence(String path, ObjectId blob) {
    }

    /** The occurrences below one tree, computed once per tree id. */
    private static final class TreeOccurrences extends ObjectIdOwnerMap.Entry {
        final List<Occurrence> list;

        TreeOccurrences(AnyObjectId id, List<Occurrence> list) {
            super(id);
            this.list = list;
        }
    }

    private final Repository repo;
    private final List<RevCommit> commits;

    /** @param commits parents before children, as the history walk ordered them */
    HistoryProvenance(Repository repo, List<RevCommit> commits) {
        this.repo = repo;
        this.commits = commits;
    }

    @Override
    public synchronized Map<String, List<Provenance>> introductions(Set<String> blobIds) {
        Set<ObjectId> targets = ids(blobIds);
        if (targets.isEmpty()) {
            return Map.of();
        }
        Map<String, List<Intro>> found = new HashMap<>();
        ObjectIdOwnerMap<TreeOccurrences> memo = new ObjectIdOwnerMap<>();
        // One introduction per (blob, path): the first commit, parents-first, that brought it there
        // (a rebased or cherry-picked copy of that commit on another branch is not another leak).
        Set<Occurrence> introduced = new HashSet<>();
        try (ObjectReader reader = repo.newObjectReader()) {
            for (int order = 0; order < commits.size(); order++) {
                RevCommit c = commits.get(order);
                List<Occurrence> here = occurrences(c.getTree(), targets, memo, reader);
                if (here.isEmpty()) {
                    continue;
                }
                Set<Occurrence> inParents = new HashSet<>();
                for (RevCommit p : c.getParents()) {
                    inParents.addAll(occurrences(p.getTree(), targets, memo, reader));
                }
                PersonIdent author = null;
                for (Occurrence o : here) {
                    if (inParents.contains(o) || !introduced.add(o)) {
                        continue;
                    }
                    if (author == null) {
                        author = authorOf(c, reader);
                    }
                    found.computeIfAbsent(o.blob().name(), k -> new ArrayList<>()).add(new Intro(
                            new Provenance(c.name(), author.getName(), author.getEmailAddress(),
                                    author.getWhenAsInstant(), o.path()),
                            c.getCommitTime(), order));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, List<Provenance>> result = new HashMap<>();
        found.forEach((blob, intros) -> result.put(blob, intros.stream()
                .sorted(Comparator.comparingLong(Intro::time).thenComparingInt(Intro::order))
                .map(Intro::provenance).toList()));
        return result;
    }

    private record Intro(Provenance provenance, long time, int order) {
    }

    private static List<Occurrence> occurrences(AnyObjectId tree, Set<ObjectId> targets,
                                                ObjectIdOwnerMap<TreeOccurrences> memo, ObjectReader reader)
            throws IOException {
        TreeOccurrences known = memo.get(tree);
        if (known != null) {
            return known.list;
        }
        List<Occurrence> list = new ArrayList<>();
        byte[] raw = null;
        try {
            raw = reader.open(tree, Constants.OBJ_TREE).getCachedBytes();
        } catch (MissingObjectException e) {
            // reported by the scan; nothing below it can be traced
        }
        if (raw != null) {
            RawTree entries = new RawTree(raw);
            while (entries.next()) {
                if (entries.kind() == RawTree.FILE && targets.contains(entries.id())) {
                    list.add(new Occurrence(entries.name(), entries.id().toObjectId()));
                } else if (entries.kind() == RawTree.TREE) {
                    ObjectId sub = entries.id().toObjectId();
                    String name = null;
                    for (Occurrence o : occurrences(sub, targets, memo, reader)) {
                        name = name == null ? entries.name() : name;
                        list.add(new Occurrence(name + '/' + o.path(), o.blob()));
                    }
                }
            }
        }
        List<Occurrence> stored = list.isEmpty() ? List.of() : List.copyOf(list);
        memo.add(new TreeOccurrences(tree, stored));
        return stored;
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
