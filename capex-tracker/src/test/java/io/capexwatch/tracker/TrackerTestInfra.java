package io.capexwatch.tracker;

import io.capexwatch.localinfra.LocalInfraTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;

/** Every @QuarkusTest of this module runs on the real PostgreSQL, Kafka and Redis of local-infra. */
@WithTestResource(value = LocalInfraTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "tracker"))
public final class TrackerTestInfra {
    private TrackerTestInfra() {
    }
}
