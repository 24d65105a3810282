package io.capexwatch.ingest.edgar;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RateLimiterTest {
    private static final long MS = 1_000_000L;

    @Test
    void requestsGetEvenlySpacedSlots() {
        RateLimiter limiter = new RateLimiter(5);
        long now = System.nanoTime();
        assertEquals(0, limiter.reserve(now));
        assertEquals(200 * MS, limiter.reserve(now));
        assertEquals(400 * MS, limiter.reserve(now));
        // Later callers wait only for what is left of their slot.
        assertEquals(100 * MS, limiter.reserve(now + 500 * MS));
    }

    @Test
    void anIdleLimiterDoesNotSaveUpABurst() {
        RateLimiter limiter = new RateLimiter(10);
        long later = System.nanoTime() + 60_000 * MS;
        assertEquals(0, limiter.reserve(later));
        assertEquals(100 * MS, limiter.reserve(later));
    }
}
