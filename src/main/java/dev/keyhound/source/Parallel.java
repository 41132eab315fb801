package dev.keyhound.source;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs work over a list in contiguous chunks on a few threads, for every source that reads on all
 * cores. Chunks are handed out in list order, so a history scan's threads stay close together in
 * the pack and share what the page cache holds.
 */
public final class Parallel {
    /** One worker's state (its own ObjectReader: readers are single-threaded) and its per-item step. */
    public interface Worker<T> extends AutoCloseable {
        void process(T item) throws IOException;

        @Override
        default void close() {
        }
    }

    public interface WorkerFactory<T> {
        Worker<T> create();
    }

    private Parallel() {
    }

    public static <T> void forEach(List<T> items, int threads, int chunk, WorkerFactory<T> factory) throws IOException {
        int n = Math.max(1, Math.min(threads, (items.size() + chunk - 1) / chunk));
        AtomicInteger nextChunk = new AtomicInteger();
        Runnable task = () -> {
            try (Worker<T> worker = factory.create()) {
                int c;
                while ((c = nextChunk.getAndIncrement()) * (long) chunk < items.size()) {
                    int end = Math.min(items.size(), (c + 1) * chunk);
                    for (int i = c * chunk; i < end; i++) {
                        worker.process(items.get(i));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
        if (n == 1) {
            runUnwrapped(task);
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(n, r -> {
            Thread t = new Thread(r, "keyhound-scan");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                futures.add(pool.submit(task));
            }
            for (Future<?> f : futures) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    nextChunk.set(Integer.MAX_VALUE / 2); // stop the other workers soon
                    rethrow(e.getCause());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } finally {
            pool.shutdownNow();
        }
    }

    private static void runUnwrapped(Runnable task) throws IOException {
        try {
            task.run();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static void rethrow(Throwable t) throws IOException {
        if (t instanceof UncheckedIOException u) {
            throw u.getCause();
        }
        if (t instanceof RuntimeException r) {
            throw r;
        }
        if (t instanceof Error err) {
            throw err;
        }
        throw new IOException(t);
    }
}
