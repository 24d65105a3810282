package io.capexwatch.ingest.edgar;

import io.smallrye.mutiny.Uni;

import java.time.Duration;

/**
 * Spaces requests evenly so that the whole service stays under its rate: each request takes the next free
 * slot and waits for it (without blocking a thread).
 */
public final class RateLimiter {
    private final long intervalNanos;
    private long nextSlot;

    public RateLimiter(double perSecond) {
        this.intervalNanos = (long) (1_000_000_000L / perSecond);
        this.nextSlot = System.nanoTime();
    }

    /** Completes when the caller may send its request. */
    public Uni<Void> acquire() {
        Duration wait = delay(reserve(System.nanoTime()));
        return wait.isZero() ? Uni.createFrom().voidItem() : Uni.createFrom().voidItem().onItem().delayIt().by(wait);
    }

    /**
     * The wait in whole milliseconds, rounded up: Quarkus runs Mutiny's delays on Vert.x timers, which refuse
     * a delay under 1 ms (the poll then failed), and rounding up never sends sooner than the slot.
     */
    static Duration delay(long waitNanos) {
        return waitNanos <= 0 ? Duration.ZERO : Duration.ofMillis((waitNanos + 999_999) / 1_000_000);
    }

    /** @return how long to wait from {@code now}, in nanoseconds */
    synchronized long reserve(long now) {
        long slot = Math.max(now, nextSlot);
        nextSlot = slot + intervalNanos;
        return slot - now;
    }
}
