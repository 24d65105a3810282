package io.capexwatch.localinfra;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Developer mode's infrastructure ({@code ./capex-watch infra}) on alternative fixed ports (the standard ones
 * may be taken on a build machine): each server listens exactly where it was told and the services' own
 * login, capexwatch/capexwatch, may create tables in every service database.
 */
class FixedPortsInfrastructureTest {

    @Test
    void startsOnTheGivenPortsWithTheDevCredentials(@TempDir Path data) throws Exception {
        FixedPorts ports = new FixedPorts(Ports.free(), Ports.free(), Ports.free());
        try (LocalInfrastructure infra = LocalInfrastructure.startOnFixedPorts(data, ports)) {
            Endpoints endpoints = infra.endpoints();
            assertEquals(ports.postgres(), endpoints.pgPort());
            assertEquals("redis://127.0.0.1:" + ports.redis(), endpoints.redisUrl());
            assertEquals("127.0.0.1:" + ports.kafka(), endpoints.kafkaBootstrap());
            assertEquals("capexwatch", endpoints.pgUser());

            for (String database : List.of("ingest", "tracker", "verdict")) {
                try (Connection connection = DriverManager.getConnection(
                        "jdbc:postgresql://127.0.0.1:" + ports.postgres() + "/" + database, "capexwatch", "capexwatch");
                     Statement statement = connection.createStatement()) {
                    statement.execute("CREATE TABLE dev_check (id int)");
                    statement.execute("INSERT INTO dev_check VALUES (42)");
                    try (ResultSet rows = statement.executeQuery("SELECT id, current_user, current_database() FROM dev_check")) {
                        assertTrue(rows.next());
                        assertEquals(42, rows.getInt(1));
                        assertEquals("capexwatch", rows.getString(2));
                        assertEquals(database, rows.getString(3));
                    }
                }
            }

            assertEquals("+PONG", redis(ports.redis(), "PING"));

            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, endpoints.kafkaBootstrap()))) {
                admin.createTopics(List.of(new NewTopic("dev-check", 1, (short) 1))).all().get();
                Set<String> topics = admin.listTopics().names().get();
                assertTrue(topics.contains("dev-check"), topics::toString);
                assertEquals(1, admin.describeCluster().nodes().get().size());
            }
        }
    }

    @Test
    void aTakenPortIsNamedBeforeAnythingStarts(@TempDir Path data) throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName(Ports.LOOPBACK))) {
            FixedPorts ports = new FixedPorts(Ports.free(), taken.getLocalPort(), Ports.free());
            IllegalStateException refused = assertThrows(IllegalStateException.class,
                    () -> LocalInfrastructure.startOnFixedPorts(data, ports));
            assertEquals("port " + taken.getLocalPort() + " on 127.0.0.1 is in use, Redis cannot listen there: stop what"
                    + " holds it or choose another port (CAPEXWATCH_INFRA_*_PORT)", refused.getMessage());
        }
    }

    private static String redis(int port, String command) throws Exception {
        try (Socket socket = new Socket(Ports.LOOPBACK, port)) {
            OutputStream out = socket.getOutputStream();
            out.write((command + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII)).readLine();
        }
    }
}
