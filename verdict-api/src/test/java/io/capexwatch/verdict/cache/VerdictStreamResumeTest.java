package io.capexwatch.verdict.cache;

import io.capexwatch.verdict.SseClient;
import io.capexwatch.verdict.SseClient.Connection;
import io.capexwatch.verdict.SseClient.Event;
import io.capexwatch.verdict.repository.VerdictEntity;
import io.capexwatch.verdict.rules.VerdictState;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A client resumes with Last-Event-ID while a change lands: between its subscription to live events and
 * the replay of the log (the hook in VerdictEvents makes that moment exact). The change is in the log and
 * comes live as well; the client gets it once, and the next change after it.
 */
@QuarkusTest
class VerdictStreamResumeTest {
    private static final AtomicLong REVISIONS = new AtomicLong(4_000_000_000L);

    @TestHTTPResource("/api/verdicts/stream")
    URL stream;

    @Inject
    VerdictCache cache;

    @Inject
    VerdictEvents events;

    private final SseClient sse = new SseClient();

    @Test
    void aChangeLandingWhileAClientResumesIsSentExactlyOnce() throws Throwable {
        VertxContextSupport.subscribeAndAwait(() -> cache.put(verdict("RESUME", "WATCH")));
        long resumeFrom = cache.snapshot().version();
        VerdictEntity landing = verdict("RESUME", "SLIPPING");
        // Stored, announced, installed and broadcast after the client subscribed, before the log is read.
        events.beforeNextReplay(() -> cache.put(landing));

        Connection resumed = sse.connect(stream.toString(), Long.toString(resumeFrom));
        Event first = resumed.nextEvent();
        assertEquals("verdict", first.name());
        assertTrue(first.data().contains("\"revision\":" + landing.id), first.data());
        assertTrue(Long.parseLong(first.id()) > resumeFrom);

        // A later change is the next event: the landing one did not come a second time in between.
        VerdictEntity later = verdict("RESUME", "ON_SCHEDULE");
        VertxContextSupport.subscribeAndAwait(() -> cache.put(later));
        Event second = resumed.nextEvent();
        assertTrue(second.data().contains("\"revision\":" + later.id), second.data());
        assertTrue(Long.parseLong(second.id()) > Long.parseLong(first.id()));
        resumed.close();
    }

    private static VerdictEntity verdict(String ticker, String state) {
        VerdictEntity verdict = new VerdictEntity();
        verdict.id = REVISIONS.incrementAndGet();
        verdict.cik = 4L;
        verdict.ticker = ticker;
        verdict.state = VerdictState.valueOf(state);
        verdict.stateSince = Instant.now();
        verdict.evaluatedAt = Instant.now();
        verdict.body = "{\"ticker\":\"" + ticker + "\",\"state\":\"" + state + "\",\"evaluatedAt\":\"" + Instant.now()
                + "\",\"revision\":" + verdict.id + "}";
        return verdict;
    }
}
