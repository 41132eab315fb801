package dev.keyhound.source.git;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.jgit.lib.AnyObjectId;
import org.eclipse.jgit.lib.ObjectId;
import org.junit.jupiter.api.Test;

/** The walk and its tree reader each go through every root the ordering emits, in order, as it comes. */
class RootFeedTest {
    @Test
    void readersGoThroughEveryRootInOrderWhileTheyAreAdded() throws Exception {
        RootFeed feed = new RootFeed();
        java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newFixedThreadPool(2);
        CompletableFuture<List<AnyObjectId>> walk = CompletableFuture.supplyAsync(() -> drain(feed), threads);
        CompletableFuture<List<AnyObjectId>> reader = CompletableFuture.supplyAsync(() -> drain(feed), threads);
        List<AnyObjectId> added = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            ObjectId id = ObjectId.fromRaw(new int[] {i, i * 31, 7, 11, 13});
            added.add(id);
            feed.add(id);
            if (i % 500 == 0) {
                Thread.sleep(5); // the readers catch up and wait
            }
        }
        assertFalse(walk.isDone(), "a reader waits for the next root until the feed ends");
        feed.end();
        assertEquals(added, walk.get(10, TimeUnit.SECONDS));
        assertEquals(added, reader.get(10, TimeUnit.SECONDS));
        assertEquals(added, drain(feed), "a reader that starts late reads the same");
        threads.shutdown();
    }

    @Test
    void anEndedFeedHasNothingMore() {
        RootFeed feed = new RootFeed();
        feed.end();
        Iterator<AnyObjectId> it = feed.iterator();
        assertFalse(it.hasNext());
        assertThrows(NoSuchElementException.class, it::next);
    }

    private static List<AnyObjectId> drain(RootFeed feed) {
        List<AnyObjectId> seen = new ArrayList<>();
        for (AnyObjectId id : feed) {
            seen.add(id);
        }
        return seen;
    }
}
