package dev.keyhound.source.git;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.jgit.lib.AnyObjectId;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectIdOwnerMap;
import org.eclipse.jgit.lib.ObjectReader;

/**
 * Reads the history walk's trees ahead of it, on a thread of its own: the walk waits on nothing
 * else while the other core is mostly idle, and reading a tree (finding it in the pack, inflating
 * it, applying its delta) was a third of its time. The reader visits the trees in the walk's own
 * order (the same roots, the same stack, the same "each tree once"), so the walk takes them in
 * sequence. A tree not yet read, or one the reader could not read, the walk reads itself, as it
 * would without this; a reader that falls out of step is stopped.
 */
final class TreePrefetch implements AutoCloseable {
    /** Trees read ahead at most (about 700 bytes each on average). */
    private static final int AHEAD = 4096;
    /** How long the walk waits for the next tree before it reads the tree itself. */
    private static final long WAIT_MICROS = 2000;

    /** A tree in walk order: its number in the sequence, its id, and its bytes (null when unreadable). */
    private record Read(long seq, ObjectId id, byte[] raw) {
    }

    private static final class Seen extends ObjectIdOwnerMap.Entry {
        Seen(AnyObjectId id) {
            super(id);
        }
    }

    private final BlockingQueue<Read> ahead = new ArrayBlockingQueue<>(AHEAD);
    private final Thread thread;
    private volatile boolean stopped;
    /** Set by the walk ({@link #close}): from then on it reads every tree itself. */
    private volatile boolean closed;
    private long taken;
    private final long waitMicros;

    private TreePrefetch(ObjectReader reader, PackedObjects packed, Iterable<? extends AnyObjectId> roots, long waitMicros) {
        this.waitMicros = waitMicros;
        thread = new Thread(() -> {
            try (reader; packed) {
                readAll(reader, packed, roots);
            } catch (RuntimeException | InterruptedException e) {
                stopped = true; // the walk reads the rest itself
            }
        }, "keyhound-trees");
        thread.setDaemon(true);
    }

    /**
     * Starts reading the trees under roots, in the walk's order, with readers of its own (the
     * packs' own, and JGit's for what that one cannot read); it closes them when it ends.
     */
    static TreePrefetch start(ObjectReader reader, PackedObjects packed, Iterable<? extends AnyObjectId> roots) {
        return start(reader, packed, roots, WAIT_MICROS);
    }

    /** As {@link #start(ObjectReader, PackedObjects, Iterable)}, the walk waiting up to waitMicros for each tree. */
    static TreePrefetch start(ObjectReader reader, PackedObjects packed, Iterable<? extends AnyObjectId> roots, long waitMicros) {
        TreePrefetch p = new TreePrefetch(reader, packed, roots, waitMicros);
        p.thread.start();
        return p;
    }

    /**
     * The bytes of the walk's next tree, which must be tree, or null when the walk is to read it
     * itself (not read yet, unreadable, or out of step).
     */
    byte[] next(AnyObjectId tree) {
        long seq = taken++;
        // Once closed, a tree the reader offered while it was being stopped is not taken either.
        if (closed || stopped && ahead.isEmpty()) {
            return null;
        }
        Read r;
        try {
            // Waiting briefly costs less than reading the tree twice (the walk, then the reader).
            while ((r = ahead.poll(waitMicros, TimeUnit.MICROSECONDS)) != null && r.seq() < seq) {
                // one the walk read itself while this one was behind
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close();
            return null;
        }
        if (r == null || r.seq() != seq) {
            return null;
        }
        if (!r.id().equals(tree)) {
            close(); // out of step: should not happen, and the walk is right on its own
            return null;
        }
        return r.raw();
    }

    /** Stops the reader (it closes its own reader when it ends). */
    @Override
    public void close() {
        closed = true;
        stopped = true;
        ahead.clear();
    }

    private void readAll(ObjectReader reader, PackedObjects packed, Iterable<? extends AnyObjectId> roots) throws InterruptedException {
        ObjectIdOwnerMap<Seen> seen = new ObjectIdOwnerMap<>();
        Deque<ObjectId> pending = new ArrayDeque<>();
        long seq = 0;
        for (AnyObjectId root : roots) {
            if (seen.get(root) != null) {
                continue;
            }
            seen.add(new Seen(root));
            pending.push(root.copy());
            while (!pending.isEmpty()) {
                ObjectId tree = pending.pop();
                byte[] raw;
                try {
                    raw = packed.tree(tree, reader);
                } catch (IOException | RuntimeException e) {
                    raw = null;
                }
                while (!ahead.offer(new Read(seq, tree, raw), 50, TimeUnit.MILLISECONDS)) {
                    if (stopped) {
                        return;
                    }
                }
                seq++;
                if (raw == null) {
                    continue;
                }
                RawTree entries = new RawTree(raw);
                while (entries.next()) {
                    if (entries.kind() == RawTree.TREE && seen.get(entries.id()) == null) {
                        seen.add(new Seen(entries.id()));
                        pending.push(entries.id().toObjectId());
                    }
                }
                if (stopped) {
                    return;
                }
            }
        }
    }
}
