package io.capexwatch.ingest.service;

import io.capexwatch.ingest.Documents;
import io.capexwatch.ingest.repository.PollStateUpdate;
import io.capexwatch.ingest.repository.PollStatus;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import static io.capexwatch.ingest.Admin.asAdmin;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.is;

/**
 * The poller's status write lands while an import of the same company is committing (its row lock held):
 * the poll writes only its own columns, so the import's new revision and name survive.
 */
@QuarkusTest
class PollStatusWriteTest {
    private static final long CIK = 9_000_021L;

    @Inject
    EdgarPoller poller;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;

    @ConfigProperty(name = "quarkus.datasource.username")
    String user;

    @ConfigProperty(name = "quarkus.datasource.password")
    String password;

    @Test
    void aPollStatusWriteDuringAnImportKeepsTheImportsRevision() throws Exception {
        Documents.watch("PSWX", CIK);
        int revision = asAdmin().contentType(ContentType.JSON).body(Documents.alphabetAs(CIK, Set.of()))
                .post("/api/imports").then().statusCode(200).extract().path("revision");

        CompletableFuture<Void> statusWrite;
        try (Connection importing = DriverManager.getConnection(jdbcUrl, user, password);
             Connection watching = DriverManager.getConnection(jdbcUrl, user, password)) {
            importing.setAutoCommit(false);
            // An import in its transaction: the row is locked, the new revision not yet committed.
            try (PreparedStatement update = importing.prepareStatement(
                    "update company set revision = revision + 1, entity_name = 'RESTATED INC.' where cik = ?")) {
                update.setLong(1, CIK);
                update.executeUpdate();
            }
            statusWrite = CompletableFuture.runAsync(() -> {
                try {
                    VertxContextSupport.subscribeAndAwait(() -> poller.record(CIK, new PollStateUpdate()
                            .polledAt(Instant.now()).status(PollStatus.UP_TO_DATE, "written during an import")));
                } catch (Throwable e) {
                    throw new IllegalStateException(e);
                }
            });
            // The status write waits for the import's row lock.
            await().atMost(Duration.ofSeconds(10)).until(() -> waitingOnLocks(watching) > 0);
            importing.commit();
        }
        statusWrite.get();

        given().get("/api/companies").then()
                .body("find { it.ticker == 'PSWX' }.revision", is(revision + 1))
                .body("find { it.ticker == 'PSWX' }.entityName", is("RESTATED INC."))
                .body("find { it.ticker == 'PSWX' }.status", is("UP_TO_DATE"))
                .body("find { it.ticker == 'PSWX' }.statusDetail", is("written during an import"));
    }

    private static int waitingOnLocks(Connection connection) throws Exception {
        try (PreparedStatement query = connection.prepareStatement(
                "select count(*) from pg_stat_activity where wait_event_type = 'Lock' and datname = current_database()");
             ResultSet rows = query.executeQuery()) {
            rows.next();
            return rows.getInt(1);
        }
    }

}
