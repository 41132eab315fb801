package dev.keyhound.source.git;

import dev.keyhound.finding.Provenance;
import dev.keyhound.finding.ProvenanceLookup;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.TreeFilter;

/**
 * For the few blobs with findings: each commit that put the blob at a path where none of its
 * parents had it. Runs one tree diff per commit, which costs about as much as the enumeration, so
 * it happens only when asked (a clean scan never pays for it).
 */
final class HistoryProvenance implements ProvenanceLookup {
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
        Map<String, List<Intro>> found = new LinkedHashMap<>();
        if (targets.isEmpty()) {
            return Map.of();
        }
        try (ObjectReader reader = repo.newObjectReader(); TreeWalk tw = new TreeWalk(reader)) {
            Set<String> seenAtPath = new HashSet<>();
            for (int order = 0; order < commits.size(); order++) {
                RevCommit c = commits.get(order);
                try {
                    scanCommit(tw, c, order, targets, seenAtPath, found, reader);
                } catch (MissingObjectException e) {
                    // A missing tree was already reported by the scan; its paths have no provenance.
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

    private static void scanCommit(TreeWalk tw, RevCommit c, int order, Set<ObjectId> targets,
                                   Set<String> seenAtPath, Map<String, List<Intro>> found,
                                   ObjectReader reader) throws IOException {
        int parents = c.getParentCount();
        tw.reset();
        tw.addTree(c.getTree());
        for (int i = 0; i < parents; i++) {
            tw.addTree(c.getParent(i).getTree());
        }
        tw.setRecursive(true);
        tw.setFilter(parents == 0 ? TreeFilter.ALL : TreeFilter.ANY_DIFF);
        PersonIdent author = null;
        while (tw.next()) {
            if (!Modes.isFile(tw.getFileMode(0)) || !targets.contains(tw.getObjectId(0))) {
                continue;
            }
            ObjectId blob = tw.getObjectId(0);
            boolean inParent = false;
            for (int i = 1; i <= parents && !inParent; i++) {
                inParent = Modes.isFile(tw.getFileMode(i)) && tw.idEqual(0, i);
            }
            String path = tw.getPathString();
            if (inParent || !seenAtPath.add(blob.name() + '\0' + path)) {
                continue;
            }
            if (author == null) {
                author = authorOf(c, reader);
            }
            found.computeIfAbsent(blob.name(), k -> new ArrayList<>()).add(new Intro(
                    new Provenance(c.name(), author.getName(), author.getEmailAddress(),
                            author.getWhenAsInstant(), path),
                    c.getCommitTime(), order));
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
