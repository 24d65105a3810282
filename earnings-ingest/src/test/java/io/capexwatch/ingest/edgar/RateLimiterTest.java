package io.capexwatch.ingest.edgar;

import org.junit.jupiter.api.Test;

import java.time.Duration;

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

    @Test
    void waitsAreWholeMillisecondsRoundedUp() {
        // Quarkus runs Mutiny's delays on Vert.x timers, which refuse anything under 1 ms: a 0.3 ms wait
        // made the EDGAR poll fail with "Cannot schedule a timer with delay < 1 ms" (EarningsDayEndToEndIT).
        assertEquals(Duration.ZERO, RateLimiter.delay(0));
        assertEquals(Duration.ZERO, RateLimiter.delay(-5 * MS));
        assertEquals(Duration.ofMillis(1), RateLimiter.delay(1));
        assertEquals(Duration.ofMillis(1), RateLimiter.delay(300_000));
        assertEquals(Duration.ofMillis(1), RateLimiter.delay(MS));
        assertEquals(Duration.ofMillis(100), RateLimiter.delay(99 * MS + 1));
    }
}
