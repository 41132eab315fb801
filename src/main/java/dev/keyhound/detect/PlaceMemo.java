package dev.keyhound.detect;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Answers remembered per (place, context) for one text. Rules that share keywords ask for the
 * windows of the same hits, one rule after another (the wallet rules share "secret", "private",
 * "wallet" and "signer"): a window found for one rule is found for the rest here. Direct-mapped:
 * a newer answer replaces the one in its slot. The slots are the thread's, reused by every memo
 * it makes (a table per text, zeroed, cost more than the walks it saved); each memo reads only
 * the answers it wrote.
 */
final class PlaceMemo {
    private static final int BITS = 12;
    private static final ThreadLocal<Slots> SLOTS = ThreadLocal.withInitial(Slots::new);
    /** 0 is no memo's: a slot never written holds it. */
    private static final AtomicInteger OWNERS = new AtomicInteger();

    private static final class Slots {
        final long[] keys = new long[1 << BITS];
        final int[] owners = new int[1 << BITS];
        final int[] values = new int[1 << BITS];
    }

    private final Slots slots = SLOTS.get();
    private final int owner = nextOwner();

    private static int nextOwner() {
        int o;
        do {
            o = OWNERS.incrementAndGet();
        } while (o == 0);
        return o;
    }

    /** The answer remembered for place and context, or -1. */
    int get(int place, int context) {
        long key = key(place, context);
        int slot = slot(key);
        return slots.keys[slot] == key && slots.owners[slot] == owner ? slots.values[slot] : -1;
    }

    void put(int place, int context, int value) {
        long key = key(place, context);
        int slot = slot(key);
        slots.keys[slot] = key;
        slots.owners[slot] = owner;
        slots.values[slot] = value;
    }

    private static long key(int place, int context) {
        return (long) place << 16 | (context & 0xFFFF);
    }

    private static int slot(long key) {
        return (int) (((key + 1) * 0x9E3779B97F4A7C15L) >>> (64 - BITS));
    }
}
