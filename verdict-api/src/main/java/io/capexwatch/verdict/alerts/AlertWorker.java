package io.capexwatch.verdict.alerts;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Sends due deliveries, on every replica: each round claims a batch (leased to this replica), sends them
 * concurrently outside any transaction, then records the results. Holds no state of its own, so a restart
 * loses nothing: what was claimed and not recorded is claimed again once its lease runs out.
 */
@ApplicationScoped
public class AlertWorker {
    private static final Logger LOG = Logger.getLogger(AlertWorker.class);

    private final AlertDeliveries deliveries;
    private final AlertSender sender;
    private final AlertsConfig config;

    public AlertWorker(AlertDeliveries deliveries, AlertSender sender, AlertsConfig config) {
        this.deliveries = deliveries;
        this.sender = sender;
        this.config = config;
    }

    @Scheduled(every = "${capexwatch.alerts.poll-interval:1s}", delayed = "2s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> tick() {
        if (!config.workerEnabled()) {
            return Uni.createFrom().voidItem();
        }
        return runOnce()
                .onFailure().invoke(e -> LOG.warnf("sending alerts failed, the next round retries: %s", e.getMessage()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    /** One round. @return how many deliveries were attempted */
    public Uni<Integer> runOnce() {
        return deliveries.claimDue(config.batchSize(), config.lease()).chain(claimed -> claimed.isEmpty()
                ? Uni.createFrom().item(0)
                : Uni.join().all(claimed.stream()
                                .map(delivery -> sender.send(delivery).map(outcome -> new AlertDeliveries.Result(delivery, outcome)))
                                .toList())
                        .andFailFast()
                        .chain(deliveries::record)
                        .replaceWith(claimed.size()));
    }
}
