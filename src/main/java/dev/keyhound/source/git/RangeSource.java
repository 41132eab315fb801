package dev.keyhound.source.git;

import dev.keyhound.finding.Provenance;
import dev.keyhound.finding.ProvenanceLookup;
import dev.keyhound.source.BadTargetException;
import dev.keyhound.source.Blob;
import dev.keyhound.source.BlobSink;
import dev.keyhound.source.Content;
import dev.keyhound.source.Origin;
import dev.keyhound.source.Parallel;
import dev.keyhound.source.ScanStats;
import dev.keyhound.source.Source;
import dev.keyhound.source.SourceOptions;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.errors.RevisionSyntaxException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevSort;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.TreeFilter;

/**
 * The commits of a range "A..B" (or "REF" meaning REF..HEAD for --since): each commit's added lines
 * against its parent(s), attributed to that commit (Origin.commitId). OWNER: git helper.
 *
 * <p>The commits are those of {@code git log A..B}. A commit with one parent reports the lines it
 * adds against that parent; a root commit reports every line. A merge reports, like git's combined
 * diff, only files that differ from every parent, and in them only the lines that are new against
 * every parent: a line taken over from either side was already scanned with the commit that wrote
 * it, while a line written during conflict resolution is new. A file moved unchanged (its blob
 * deleted at another path by the same commit) adds nothing, as `git log` shows an exact rename.
 */
public final class RangeSource implements Source {
    private final Path path;
    private final String range;
    private final Repository repo;
    private final SourceOptions options;
    private final ObjectId from;
    private final ObjectId to;
    private final Map<String, List<Intro>> attributed = new HashMap<>();

    public RangeSource(Path repository, String range, SourceOptions options) throws IOException {
        this.path = repository;
        this.range = range;
        this.repo = GitRepos.open(repository);
        this.options = options;
        try {
            if (range == null || range.isBlank() || range.contains("...")) {
                throw new BadTargetException("bad range '" + range + "': use A..B, or a single REF for REF..HEAD");
            }
            int dots = range.indexOf("..");
            String left = dots < 0 ? range : range.substring(0, dots);
            String right = dots < 0 ? Constants.HEAD : range.substring(dots + 2);
            this.from = commit(left.isEmpty() ? Constants.HEAD : left);
            this.to = commit(right.isEmpty() ? Constants.HEAD : right);
        } catch (IOException | RuntimeException e) {
            repo.close();
            throw e;
        }
    }

    private ObjectId commit(String rev) throws BadTargetException {
        ObjectId id;
        try {
            id = repo.resolve(rev + "^{commit}");
        } catch (RevisionSyntaxException | IOException e) {
            id = null;
        }
        if (id == null) {
            throw new BadTargetException("unknown revision '" + rev + "' in " + path);
        }
        return id;
    }

    private record Intro(Provenance provenance, int order) {
    }

    @Override
    public void scan(BlobSink sink, ScanStats stats) throws IOException {
        Problems problems = new Problems(stats);
        List<RevCommit> commits = new ArrayList<>();
        try (RevWalk rw = new RevWalk(repo)) {
            rw.sort(RevSort.TOPO, true);
            rw.sort(RevSort.REVERSE, true);
            rw.markStart(rw.parseCommit(to));
            rw.markUninteresting(rw.parseCommit(from));
            for (RevCommit c : rw) {
                for (RevCommit p : c.getParents()) {
                    rw.parseHeaders(p); // parsed here so the parallel phase only reads
                }
                commits.add(c);
            }
        } catch (MissingObjectException e) {
            problems.missing("commit " + e.getObjectId().name() + " (the range stops there)");
        }
        stats.commits.addAndGet(commits.size());
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < commits.size(); i++) {
            order.add(i);
        }
        Parallel.forEach(order, options.threads(), 1, () -> new Parallel.Worker<>() {
            final ObjectReader reader = repo.newObjectReader();
            final BlobLoader loader = new BlobLoader(reader, options.maxFileSize(), stats, problems);

            @Override
            public void process(Integer i) throws IOException {
                try {
                    scanCommit(commits.get(i), i, reader, loader, sink, stats);
                } catch (MissingObjectException e) {
                    problems.missing("tree of commit " + commits.get(i).name());
                }
            }

            @Override
            public void close() {
                reader.close();
            }
        });
        problems.summarize();
    }

    private void scanCommit(RevCommit c, int order, ObjectReader reader, BlobLoader loader,
                            BlobSink sink, ScanStats stats) throws IOException {
        int parents = c.getParentCount();
        List<Set<ObjectId>> deleted = null; // computed on the first file new against a parent: most commits add none
        try (TreeWalk tw = new TreeWalk(repo, reader)) {
            tw.addTree(c.getTree());
            for (RevCommit p : c.getParents()) {
                tw.addTree(p.getTree());
            }
            tw.setRecursive(true);
            tw.setFilter(parents == 0 ? TreeFilter.ALL : TreeFilter.ANY_DIFF);
            PersonIdent author = null;
            while (tw.next()) {
                if (!Modes.isFile(tw.getFileMode(0)) || sameAsAParent(tw, parents)) {
                    continue;
                }
                if (newAgainstAParent(tw, parents)) {
                    if (deleted == null) {
                        deleted = deletedAgainstEachParent(c, reader);
                    }
                    if (movedFromAParent(tw, deleted)) {
                        continue;
                    }
                }
                String file = tw.getPathString();
                if (!stats.wanted(sink, file)) {
                    continue;
                }
                ObjectId blobId = tw.getObjectId(0);
                byte[] bytes = loader.text(blobId, file);
                if (bytes == null) {
                    continue;
                }
                BitSet lines = parents == 0 ? null : newAgainstEveryParent(tw, parents, bytes, loader, file);
                if (lines != null && lines.isEmpty()) {
                    continue;
                }
                sink.accept(new Blob(new Origin(Origin.Kind.GIT_RANGE, file, blobId.name(), c.name()), bytes, lines));
                stats.blobsScanned.incrementAndGet();
                stats.bytesScanned.addAndGet(bytes.length);
                if (author == null) {
                    author = c.getAuthorIdent();
                }
                record(blobId.name(), new Intro(new Provenance(c.name(), author.getName(), author.getEmailAddress(),
                        author.getWhenAsInstant(), file), order));
            }
        }
    }

    private synchronized void record(String blobId, Intro intro) {
        attributed.computeIfAbsent(blobId, k -> new ArrayList<>()).add(intro);
    }

    private static boolean sameAsAParent(TreeWalk tw, int parents) {
        for (int i = 1; i <= parents; i++) {
            if (Modes.isFile(tw.getFileMode(i)) && tw.idEqual(0, i)) {
                return true;
            }
        }
        return false;
    }

    private static boolean newAgainstAParent(TreeWalk tw, int parents) {
        for (int i = 1; i <= parents; i++) {
            if (!Modes.isFile(tw.getFileMode(i))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Per parent, the blobs of the files this commit deletes against it. A new file holding one of
     * them is an exact rename or move: like `git log` (rename detection on), it adds no line.
     */
    private List<Set<ObjectId>> deletedAgainstEachParent(RevCommit c, ObjectReader reader) throws IOException {
        List<Set<ObjectId>> deleted = new ArrayList<>();
        try (TreeWalk tw = new TreeWalk(repo, reader)) {
            tw.addTree(c.getTree());
            for (RevCommit p : c.getParents()) {
                tw.addTree(p.getTree());
                deleted.add(new HashSet<>());
            }
            tw.setRecursive(true);
            tw.setFilter(TreeFilter.ANY_DIFF);
            while (tw.next()) {
                if (Modes.isFile(tw.getFileMode(0))) {
                    continue;
                }
                for (int i = 1; i <= deleted.size(); i++) {
                    if (Modes.isFile(tw.getFileMode(i))) {
                        deleted.get(i - 1).add(tw.getObjectId(i));
                    }
                }
            }
        }
        return deleted;
    }

    /** True when the file is new against a parent that had the same blob at a path this commit deletes. */
    private static boolean movedFromAParent(TreeWalk tw, List<Set<ObjectId>> deleted) {
        for (int i = 1; i <= deleted.size(); i++) {
            if (!Modes.isFile(tw.getFileMode(i)) && deleted.get(i - 1).contains(tw.getObjectId(0))) {
                return true;
            }
        }
        return false;
    }

    /** Lines new against every parent that has the file; null (all lines) when no parent has a text version. */
    private static BitSet newAgainstEveryParent(TreeWalk tw, int parents, byte[] bytes, BlobLoader loader, String file) {
        BitSet lines = null;
        for (int i = 1; i <= parents; i++) {
            if (!Modes.isFile(tw.getFileMode(i))) {
                continue; // the file is new against this parent: every line is new here
            }
            byte[] old = loader.base(tw.getObjectId(i), file);
            if (old == null || Content.looksBinary(old)) {
                continue;
            }
            BitSet added = LineDiff.addedLines(old, bytes);
            if (lines == null) {
                lines = added;
            } else {
                lines.and(added);
            }
        }
        return lines;
    }

    /** Provenance of the commits the scan attributed blobs to (commit id -> author, date), for findings. */
    public ProvenanceLookup provenance() {
        return new ProvenanceLookup() {
            @Override
            public Map<String, List<Provenance>> introductions(Set<String> blobIds) {
                Map<String, List<Provenance>> result = new HashMap<>();
                synchronized (RangeSource.this) {
                    for (String id : blobIds) {
                        List<Intro> intros = attributed.get(id);
                        if (intros != null) {
                            result.put(id, intros.stream().sorted(Comparator.comparingInt(Intro::order))
                                    .map(Intro::provenance).toList());
                        }
                    }
                }
                return result;
            }

            @Override
            public Set<String> presentInHead(Set<String> blobIds) {
                return HeadTree.present(repo, blobIds);
            }
        };
    }

    @Override
    public String describe() {
        return "commits " + range + " of " + path;
    }

    @Override
    public void close() {
        repo.close();
    }
}
