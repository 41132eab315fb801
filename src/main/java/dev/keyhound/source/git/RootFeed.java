package dev.keyhound.source.git;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.eclipse.jgit.lib.AnyObjectId;

/**
 * The history walk's root trees, in order, while the commit ordering is still emitting them: the
 * walk and its tree reader each go through them as they come, and wait for the next one until
 * the ordering has ended. Parents-first ordering emits the oldest commit within milliseconds and
 * the rest evenly, so the walk need not wait for the last commit to start on the first.
 */
final class RootFeed implements Iterable<AnyObjectId> {
    /**
     * Roots added between wake-ups of the readers: waking them for each commit (62,027 on
     * hummingbot) cost them more than the walk of a commit's changed trees.
     */
    private static final int BATCH = 256;

    private final List<AnyObjectId> roots = new ArrayList<>();
    private boolean ended;

    synchronized void add(AnyObjectId root) {
        roots.add(root);
        if (roots.size() % BATCH == 0) {
            notifyAll();
        }
    }

    /** No root comes after this. */
    synchronized void end() {
        ended = true;
        notifyAll();
    }

    /** The root at index, waiting for it; null when the feed ended before it. */
    private synchronized AnyObjectId awaitAt(int index) {
        while (index >= roots.size() && !ended) {
            try {
                wait();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the commit ordering", e);
            }
        }
        return index < roots.size() ? roots.get(index) : null;
    }

    @Override
    public Iterator<AnyObjectId> iterator() {
        return new Iterator<>() {
            private int next;
            private AnyObjectId waiting;

            @Override
            public boolean hasNext() {
                if (waiting == null) {
                    waiting = awaitAt(next);
                }
                return waiting != null;
            }

            @Override
            public AnyObjectId next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                AnyObjectId root = waiting;
                waiting = null;
                next++;
                return root;
            }
        };
    }
}
