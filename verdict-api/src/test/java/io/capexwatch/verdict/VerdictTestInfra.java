package io.capexwatch.verdict;

import io.capexwatch.localinfra.LocalInfraTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;

/** Every @QuarkusTest of this module runs on the real PostgreSQL, Kafka and Redis of local-infra. */
@WithTestResource(value = LocalInfraTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "verdict"))
public final class VerdictTestInfra {
    private VerdictTestInfra() {
    }
}
