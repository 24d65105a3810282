package io.capexwatch.ingest.company;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduler;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/**
 * The scheduler starts halted ({@code quarkus.scheduler.start-mode=halted}) and its jobs begin here, once the
 * seeder has committed the configured watchlist (and after the messaging channels are wired, at priority 1000).
 * The scheduler would otherwise start them before any start-up observer: a first round could list the
 * companies while the seeder was still adding them (or waiting for another replica's seeding), or send before
 * its Kafka channel was connected, and leave those companies out for a whole interval, an hour for the
 * watchlist announcement.
 */
@ApplicationScoped
public class ScheduledJobsStart {
    private static final Logger LOG = Logger.getLogger(ScheduledJobsStart.class);

    void onStart(@Observes @Priority(WatchlistSeeder.STARTUP_PRIORITY + 1) StartupEvent event, Scheduler scheduler) {
        if (scheduler.isStarted()) { // not when disabled (quarkus.scheduler.enabled=false)
            scheduler.resume();
            LOG.debug("scheduled jobs started: the watchlist is seeded");
        }
    }
}
