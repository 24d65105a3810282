package io.capexwatch.verdict.repository;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.capexwatch.verdict.rules.RuleSet;
import io.capexwatch.verdict.rules.Thresholds;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * The migration that brings the commitments-overhang thresholds into the rule set, on a rule set stored
 * before it: in a schema of its own on the real PostgreSQL, migrated up to V31, given a version as that build
 * stored it, then migrated to the end.
 */
@QuarkusTest
class RuleSetMigrationTest {
    private static final String SCHEMA = "rule_set_migration";
    private static final String BEFORE = """
            {"defaults": {"capexIntensityWatch": 0.60, "capexIntensitySlipping": 0.85, "fcfDeclineWatch": 0.25,
                          "cashEngineWatch": 0.00, "cashEngineSlipping": -0.10, "monetizationGapWatch": 0.40,
                          "paybackHurdle": 0.10, "depreciationGapWatch": 0.15},
             "companies": {"ORCL": {"capexIntensityWatch": 0.90, "capexIntensitySlipping": 1.20}}}""";

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String url;

    @ConfigProperty(name = "quarkus.datasource.username")
    String user;

    @ConfigProperty(name = "quarkus.datasource.password")
    String password;

    @Inject
    ObjectMapper mapper;

    @Test
    void aRuleSetStoredBeforeGetsTheDefaultsItApplied() throws Exception {
        flyway("31").clean();
        flyway("31").migrate();
        try (Connection db = DriverManager.getConnection(url, user, password); Statement sql = db.createStatement()) {
            sql.execute("insert into " + SCHEMA + ".rule_set (body, changed_by, changed_at) values ('" + BEFORE
                    + "'::jsonb, 'analyst', now())");
            flyway(null).migrate();

            try (ResultSet row = sql.executeQuery("select body -> 'defaults' ->> 'commitmentsOverhangWatch',"
                    + " body -> 'defaults' ->> 'commitmentsOverhangSlipping', body -> 'defaults' ->> 'capexIntensityWatch',"
                    + " body -> 'companies' -> 'ORCL' ->> 'commitmentsOverhangWatch', body::text from " + SCHEMA + ".rule_set")) {
                row.next();
                assertEquals("1.00", row.getString(1));
                assertEquals("3.00", row.getString(2));
                assertEquals("0.60", row.getString(3));
                assertNull(row.getString(4)); // an override without them keeps the defaults
                RuleSet rules = mapper.readValue(row.getString(5), RuleSet.class);
                assertEquals(List.of(), rules.problems());
                assertEquals(Thresholds.DEFAULTS, rules.defaults());
                assertEquals(new BigDecimal("1.20"), rules.forTicker("ORCL").capexIntensitySlipping());
                assertEquals(new BigDecimal("3.00"), rules.forTicker("ORCL").commitmentsOverhangSlipping());
            }
        } finally {
            flyway(null).clean();
        }
    }

    private Flyway flyway(String target) {
        var config = Flyway.configure().dataSource(url, user, password).schemas(SCHEMA).createSchemas(true)
                .locations("filesystem:src/main/resources/db/migration").cleanDisabled(false);
        return (target == null ? config : config.target(target)).load();
    }
}
