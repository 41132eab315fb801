package dev.keyhound.source.git;

import dev.keyhound.finding.ProvenanceLookup;
import dev.keyhound.source.BadTargetException;
import dev.keyhound.source.Blob;
import dev.keyhound.source.BlobSink;
import dev.keyhound.source.DeltaFrom;
import dev.keyhound.source.Origin;
import dev.keyhound.source.Parallel;
import dev.keyhound.source.ScanStats;
import dev.keyhound.source.Source;
import dev.keyhound.source.SourceOptions;
import dev.keyhound.source.git.HistoryWalk.BlobEntry;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectLoader;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.ReflogEntry;
import org.eclipse.jgit.lib.ReflogReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevWalk;

/**
 * Every unique blob reachable from the repository's refs (or the given branches), read once, in
 * pack order, on all cores. After {@link #scan}, {@link #provenance()} answers for the blobs with
 * findings. OWNER: git helper.
 *
 * <p>Only reachable blobs are scanned: a dangling blob is not part of anyone's history, and a
 * finding in it could not be traced to a commit. Submodules are not entered.
 *
 * @param branches refs to limit the scan to (empty = every ref: branches, tags, remotes, stash)
 */
public final class HistorySource implements Source {
    /** Blobs per work unit: big enough to amortise the hand-off, small enough to balance two threads. */
    private static final int CHUNK = 256;

    private final Path path;
    private final Repository repo;
    private final List<String> branches;
    private final SourceOptions options;
    private HistoryProvenance provenance;

    public HistorySource(Path repository, List<String> branches, SourceOptions options) throws IOException {
        this.path = repository;
        this.repo = GitRepos.open(repository);
        this.branches = List.copyOf(branches == null ? List.of() : branches);
        this.options = options;
    }

    @Override
    public void scan(BlobSink sink, ScanStats stats) throws IOException {
        Problems problems = new Problems(stats);
        Map<ObjectId, String> starts = startPoints(stats);
        // Parsing the packs' object headers needs no walk results: it runs beside the walk.
        List<PackOrder.IndexedPack> packs = PackOrder.packs(repo.getObjectDatabase());
        CompletableFuture<List<PackWalker>> walkers = options.threads() > 1
                ? CompletableFuture.supplyAsync(() -> openWalkers(packs))
                : null;
        HistoryWalk walk;
        // The walk's reader (and its cache of tree delta bases) is closed before any blob is read;
        // the commits it parsed stay usable for provenance.
        try (ObjectReader commits = PackedObjects.readingCommits(repo.newObjectReader(), packs);
             RevWalk revWalk = new RevWalk(commits)) {
            revWalk.setRetainBody(false);
            walk = new HistoryWalk(revWalk, problems, packs);
            walk.walk(starts);
        }
        stats.commits.addAndGet(walk.commits().size());
        warnShallow(stats);
        Problems.submodules(walk.submodules(), stats);
        provenance = new HistoryProvenance(repo, walk.commits(), walk.trees());

        // Blobs at allowlisted paths (vendored trees, lock files) are never read.
        PackOrder.Placed placed = PackOrder.place(packs, walk.blobs()).keeping(e -> stats.wanted(sink, e.path), options.threads());
        List<PackRun> runs = wantedRuns(walkers != null ? walkers.join() : openWalkers(packs), placed);
        measure(runs, placed.grouped(), stats);
        readPacked(runs, sink, stats);
        // Loose objects, other object stores, and whatever the pack walk left: through JGit.
        List<BlobEntry> rest = PackOrder.inPackOrder(placed.grouped().stream().filter(e -> !e.done).toList());
        read(rest, sink, stats, problems);
        problems.summarize();
    }

    /** The ref tips to walk from, each with a ref name pointing at it; also counts the refs. */
    private Map<ObjectId, String> startPoints(ScanStats stats) throws IOException {
        Map<ObjectId, String> starts = new LinkedHashMap<>();
        if (branches.isEmpty()) {
            List<Ref> refs = repo.getRefDatabase().getRefs();
            for (Ref ref : refs) {
                ObjectId id = ref.getObjectId();
                if (id != null) {
                    starts.putIfAbsent(id, ref.getName());
                }
            }
            stats.refs.addAndGet(refs.stream().filter(r -> r.getName().startsWith(Constants.R_REFS)).count());
            // Older stashes live only in the stash's reflog.
            ReflogReader stashLog = repo.getReflogReader(Constants.R_STASH);
            if (stashLog != null) {
                for (ReflogEntry entry : stashLog.getReverseEntries()) {
                    if (!entry.getNewId().equals(ObjectId.zeroId())) {
                        starts.putIfAbsent(entry.getNewId(), Constants.R_STASH);
                    }
                }
            }
            return starts;
        }
        for (String name : branches) {
            Ref ref = repo.findRef(name);
            ObjectId id = ref != null ? ref.getObjectId() : resolveQuietly(name);
            if (id == null) {
                throw new BadTargetException("unknown branch or ref '" + name + "' in " + path);
            }
            starts.putIfAbsent(id, name);
        }
        stats.refs.addAndGet(branches.size());
        return starts;
    }

    private ObjectId resolveQuietly(String name) {
        try {
            return repo.resolve(name);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private void warnShallow(ScanStats stats) throws IOException {
        Set<ObjectId> shallow = repo.getObjectDatabase().getShallowCommits();
        if (!shallow.isEmpty()) {
            stats.warn("shallow clone: history beyond "
                    + shallow.stream().map(ObjectId::name).sorted().collect(Collectors.joining(", "))
                    + " was not scanned");
        }
    }

    /** One pack's walker and its delta-tree roots, in pack order. */
    private record PackRun(PackWalker walker, List<Integer> roots) {
    }

    /** One walker per pack (null where the pack cannot be walked), in the order of packs. */
    private List<PackWalker> openWalkers(List<PackOrder.IndexedPack> packs) {
        // A delta tree holds one resolved object per level; bound what one level may cost.
        long maxResolve = Math.max(options.maxFileSize(), Math.min(64L << 20, Runtime.getRuntime().maxMemory() / 16));
        List<PackWalker> walkers = new ArrayList<>();
        for (PackOrder.IndexedPack p : packs) {
            walkers.add(PackWalker.open(p, maxResolve));
        }
        return walkers;
    }

    private static List<PackRun> wantedRuns(List<PackWalker> walkers, PackOrder.Placed placed) {
        List<PackRun> runs = new ArrayList<>();
        for (int i = 0; i < walkers.size(); i++) {
            List<BlobEntry> entries = placed.inPack(i);
            PackWalker walker = walkers.get(i);
            if (walker != null && !entries.isEmpty()) {
                walker.want(entries);
                runs.add(new PackRun(walker, walker.roots()));
            }
        }
        return runs;
    }

    /**
     * Counts the blobs and, when the progress line wants the total bytes, reads every blob's size
     * from its object header (no content is inflated beyond a delta's header). Without it a blob's
     * size is known once it is read; huge blobs are never loaded either way (the pack walk reads
     * the size in a whole blob's header, JGit's loader checks it before loading).
     */
    private void measure(List<PackRun> runs, List<BlobEntry> blobs, ScanStats stats) throws IOException {
        stats.expectedBlobs.set(blobs.size());
        if (!stats.totalsWanted()) {
            return;
        }
        for (PackRun run : runs) {
            Parallel.forEach(run.roots, options.threads(), CHUNK, withInflater((inflater, root) -> run.walker.measure(inflater, root)));
        }
        List<BlobEntry> unsized = blobs.stream().filter(e -> e.size < 0).toList();
        Parallel.forEach(unsized, options.threads(), CHUNK * 4, () -> new Parallel.Worker<>() {
            final ObjectReader reader = repo.newObjectReader();

            @Override
            public void process(BlobEntry e) {
                try {
                    e.size = reader.getObjectSize(e, Constants.OBJ_BLOB);
                } catch (IOException | RuntimeException ex) {
                    e.size = -1; // missing or broken: reported once, when reading
                }
            }

            @Override
            public void close() {
                reader.close();
            }
        });
        long bytes = 0;
        for (BlobEntry e : blobs) {
            if (e.size > 0 && e.size <= options.maxFileSize()) {
                bytes += e.size;
            }
        }
        stats.expectedBytes.set(bytes);
    }

    /** The pack walk: each worker resolves whole delta trees, so a base is never inflated twice. */
    private void readPacked(List<PackRun> runs, BlobSink sink, ScanStats stats) throws IOException {
        PackWalker.Receiver receiver = new PackWalker.Receiver() {
            @Override
            public void blob(BlobEntry entry, byte[] content, BlobEntry base, int[] copies) {
                deliver(entry, content, base == null ? null : new DeltaFrom(base.name(), copies), sink, stats);
            }

            @Override
            public void skipped(BlobEntry entry, boolean binary) {
                (binary ? stats.skippedBinary : stats.skippedTooLarge).incrementAndGet();
            }
        };
        for (PackRun run : runs) {
            Parallel.forEach(run.roots, options.threads(), 1,
                    withInflater((inflater, root) -> run.walker.walk(inflater, root, options.maxFileSize(), receiver)));
        }
    }

    /** Workers over delta-tree roots, each with its own inflater (one per thread, closed with it). */
    private static Parallel.WorkerFactory<Integer> withInflater(java.util.function.BiConsumer<ObjectInflater, Integer> step) {
        return () -> new Parallel.Worker<>() {
            final ObjectInflater inflater = new ObjectInflater();

            @Override
            public void process(Integer root) {
                step.accept(inflater, root);
            }

            @Override
            public void close() {
                inflater.close();
            }
        };
    }

    /** Hands one blob on, or counts why not: the one place both read paths apply the skip rules. */
    private void deliver(BlobEntry e, byte[] bytes, DeltaFrom delta, BlobSink sink, ScanStats stats) {
        e.done = true;
        if (stats.admit(bytes, options.maxFileSize())) {
            sink.accept(new Blob(new Origin(Origin.Kind.GIT_HISTORY, e.path, e.name(), null), bytes, null, delta));
        }
    }

    private void read(List<BlobEntry> ordered, BlobSink sink, ScanStats stats, Problems problems) throws IOException {
        Parallel.forEach(ordered, options.threads(), CHUNK, () -> new Parallel.Worker<>() {
            final ObjectReader reader = repo.newObjectReader();

            @Override
            public void process(BlobEntry e) {
                if (e.size > options.maxFileSize()) {
                    stats.skippedTooLarge.incrementAndGet();
                    return;
                }
                byte[] bytes;
                try {
                    ObjectLoader loader = reader.open(e, Constants.OBJ_BLOB);
                    if (loader.getSize() > options.maxFileSize()) {
                        stats.skippedTooLarge.incrementAndGet();
                        return;
                    }
                    bytes = loader.getCachedBytes(Integer.MAX_VALUE);
                } catch (MissingObjectException ex) {
                    problems.missing("blob " + e.name() + " (" + e.path + ")");
                    return;
                } catch (IOException | RuntimeException ex) {
                    problems.unreadable("blob " + e.name() + " (" + e.path + ")", ex);
                    return;
                }
                deliver(e, bytes, null, sink, stats);
            }

            @Override
            public void close() {
                reader.close();
            }
        });
    }

    /** Where blobs with findings came from; valid after {@link #scan}. */
    public ProvenanceLookup provenance() {
        if (provenance == null) {
            throw new IllegalStateException("provenance is known only after scan()");
        }
        return provenance;
    }

    @Override
    public String describe() {
        return (branches.isEmpty() ? "all refs" : String.join(", ", branches)) + " of " + path;
    }

    @Override
    public void close() {
        repo.close();
    }
}
