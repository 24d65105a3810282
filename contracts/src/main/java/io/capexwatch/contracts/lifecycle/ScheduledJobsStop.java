package io.capexwatch.contracts.lifecycle;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduler;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/**
 * Once a service begins to stop, no scheduled job starts again. Quarkus closes the PostgreSQL and Redis
 * clients before it destroys the beans, and the Kafka consumers' graceful close comes after that: for those
 * seconds the jobs (outbox sweeps, the EDGAR poll, alert rounds, the verdict cache's refresh and refill) ran
 * on closed clients and logged a failure every round. A job already running finishes; what the next round
 * would have done is done by another replica or after the restart (the outbox and the leases are durable).
 */
@ApplicationScoped
public class ScheduledJobsStop {
    private static final Logger LOG = Logger.getLogger(ScheduledJobsStop.class);

    void onStop(@Observes @Priority(1) ShutdownEvent event, Scheduler scheduler) {
        if (scheduler.isRunning()) { // not when disabled (quarkus.scheduler.enabled=false) or paused already
            scheduler.pause();
            LOG.debug("scheduled jobs paused: the service is stopping");
        }
    }
}
