package dev.keyhound.cli;

import dev.keyhound.source.ScanStats;
import java.io.PrintStream;
import java.util.Locale;

/**
 * One self-refreshing status line on a terminal's stderr: blobs and bytes done, MB/s and, when the
 * source announced its totals, the ETA. Off (no thread, no output) when disabled.
 */
final class Progress implements AutoCloseable {
    private static final long REFRESH_MILLIS = 250;
    private static final String CLEAR_LINE = "\r\033[K";

    private final ScanStats stats;
    private final PrintStream err;
    private final long startNanos = System.nanoTime();
    private final Thread ticker;
    private volatile boolean running = true;

    Progress(ScanStats stats, PrintStream err, boolean enabled) {
        this.stats = stats;
        this.err = err;
        if (enabled) {
            stats.wantTotals();
            ticker = new Thread(this::tick, "keyhound-progress");
            ticker.setDaemon(true);
            ticker.start();
        } else {
            ticker = null;
        }
    }

    private void tick() {
        while (running) {
            try {
                Thread.sleep(REFRESH_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
            if (running) {
                synchronized (err) {
                    err.print(CLEAR_LINE + line(stats, elapsedSeconds()));
                    err.flush();
                }
            }
        }
    }

    private double elapsedSeconds() {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    /** The status text for the figures so far; package-visible so its format is tested without a terminal. */
    static String line(ScanStats stats, double seconds) {
        long blobs = stats.blobsScanned.get();
        long bytes = stats.bytesScanned.get();
        long expectedBlobs = stats.expectedBlobs.get();
        long expectedBytes = stats.expectedBytes.get();
        double rate = seconds > 0 ? bytes / seconds : 0;
        StringBuilder s = new StringBuilder("scanning ");
        s.append(String.format(Locale.ROOT, "%,d", blobs));
        if (expectedBlobs > 0) {
            s.append(String.format(Locale.ROOT, "/%,d", expectedBlobs));
        }
        s.append(" blobs  ").append(megabytes(bytes));
        if (expectedBytes > 0) {
            s.append('/').append(megabytes(expectedBytes));
        }
        s.append(" MB  ").append(megabytes((long) rate)).append(" MB/s");
        if (expectedBytes > 0 && rate > 0 && bytes < expectedBytes) {
            long eta = (long) Math.ceil((expectedBytes - bytes) / rate);
            s.append(String.format(Locale.ROOT, "  ETA %d:%02d", eta / 60, eta % 60));
        }
        return s.toString();
    }

    private static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f", bytes / (1024.0 * 1024.0));
    }

    @Override
    public void close() {
        if (ticker == null) {
            return;
        }
        running = false;
        ticker.interrupt();
        try {
            ticker.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (err) {
            err.print(CLEAR_LINE);
            err.flush();
        }
    }
}
