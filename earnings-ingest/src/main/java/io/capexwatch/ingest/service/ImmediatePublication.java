package io.capexwatch.ingest.service;

import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Publishes a company's snapshot right after a change was committed. A failure there loses nothing (the
 * outbox sweep sends it later), so it is not passed on, but it is logged and counted like the sweep's own.
 */
@ApplicationScoped
public class ImmediatePublication {
    private static final Logger LOG = Logger.getLogger(ImmediatePublication.class);

    private final PublicationService publication;
    private final MeterRegistry metrics;

    public ImmediatePublication(PublicationService publication, MeterRegistry metrics) {
        this.publication = publication;
        this.metrics = metrics;
    }

    /** @param after what changed the company, for the log, e.g. "import" or "EDGAR poll" */
    public Uni<Void> publish(long cik, String after) {
        return publication.publishIfPending(cik)
                .onFailure().invoke(e -> {
                    metrics.counter("capexwatch.fundamentals.publish.failures").increment();
                    LOG.warnf("publishing CIK %d after the %s failed, the outbox sweep will retry: %s", cik, after,
                            e.getMessage());
                })
                .onFailure().recoverWithNull();
    }
}
