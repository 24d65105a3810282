package io.capexwatch.helm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import com.marcnuri.helm.TemplateCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The chart, linted and rendered offline with helm-java, and its manifests checked. */
class HelmChartTest {
    private static final Path CHART = Path.of("capex-watch");
    private static final Path PRODUCTION = Path.of("src/test/resources/production-values.yaml");
    private static final Map<String, String> REQUIRED = Map.of(
            "edgar.userAgent", "Example Research research@example.com",
            "postgresql.host", "pg.databases.svc",
            "redis.url", "redis://redis.cache.svc:6379",
            "kafka.bootstrapServers", "kafka.kafka.svc:9092");
    private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory());

    @Test
    void strictLintPasses(@TempDir Path dir) throws IOException {
        // helm lint takes no --set: lint a copy whose values.yaml has the required values filled in.
        Path copy = copyChart(dir);
        Files.writeString(copy.resolve("values.yaml"), Files.readString(CHART.resolve("values.yaml"))
                .replace("userAgent: \"\"", "userAgent: \"Example Research research@example.com\"")
                .replace("host: \"\"           # required", "host: pg.databases.svc")
                .replace("url: \"\"            # required", "url: redis://redis.cache.svc:6379")
                .replace("bootstrapServers: \"\"   # required", "bootstrapServers: kafka.kafka.svc:9092"));
        LintResult lint = new Helm(copy).lint().strict().call();
        assertFalse(lint.isFailed(), String.join("\n", lint.getMessages()));
    }

    @Test
    void defaultValuesRenderThreeDeploymentsAndServices() throws IOException {
        List<JsonNode> manifests = render(template());
        assertEquals(3, ofKind(manifests, "Deployment").size());
        assertEquals(3, ofKind(manifests, "Service").size());
        assertEquals("ghcr.io/capexwatch/verdict-api-jvm:0.1.0-SNAPSHOT", container(deployment(manifests, "verdict-api")).path("image").asText());
        assertEquals("512Mi", container(deployment(manifests, "verdict-api")).path("resources").path("limits").path("memory").asText());
    }

    @Test
    void everyContainerHasProbesLimitsAndALockedDownSecurityContext() throws IOException {
        for (JsonNode deployment : ofKind(render(production()), "Deployment")) {
            String name = deployment.path("metadata").path("name").asText();
            JsonNode pod = deployment.path("spec").path("template").path("spec");
            assertTrue(pod.path("securityContext").path("runAsNonRoot").asBoolean(), name);
            assertEquals("RuntimeDefault", pod.path("securityContext").path("seccompProfile").path("type").asText(), name);
            for (JsonNode container : pod.path("containers")) {
                for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
                    assertTrue(container.has(probe), name + " lacks " + probe);
                }
                assertEquals("/q/health/ready", container.path("readinessProbe").path("httpGet").path("path").asText());
                assertTrue(container.path("resources").path("limits").has("memory"), name);
                assertTrue(container.path("resources").path("limits").has("cpu"), name);
                JsonNode security = container.path("securityContext");
                assertTrue(security.path("readOnlyRootFilesystem").asBoolean(), name);
                assertFalse(security.path("allowPrivilegeEscalation").asBoolean(true), name);
                assertEquals("ALL", security.path("capabilities").path("drop").get(0).asText(), name);
            }
        }
    }

    @Test
    void credentialsComeFromSecretsAndNeverAppearInline() throws IOException {
        List<JsonNode> manifests = render(production());
        for (JsonNode deployment : ofKind(manifests, "Deployment")) {
            for (JsonNode env : container(deployment).path("env")) {
                String name = env.path("name").asText();
                if (name.contains("PASSWORD") || name.contains("USERNAME") || name.contains("API_KEYS") || name.contains("PUBLICKEY")) {
                    assertFalse(env.has("value"), name + " must not be inline");
                    assertTrue(env.path("valueFrom").has("secretKeyRef"), name);
                }
            }
        }
        assertTrue(ofKind(manifests, "ConfigMap").isEmpty() && ofKind(manifests, "Secret").isEmpty());
        JsonNode verdictEnv = container(deployment(manifests, "verdict-api")).path("env");
        assertTrue(verdictEnv.toString().contains("\"capex-watch-redis\""));
        assertTrue(container(deployment(manifests, "earnings-ingest")).path("env").toString().contains("\"capex-watch-api-keys\""));
        assertEquals(3, deployment(manifests, "verdict-api").path("spec").path("replicas").asInt());
        assertEquals("ghcr.io/capexwatch/earnings-ingest-native:0.1.0",
                container(deployment(manifests, "earnings-ingest")).path("image").asText());
        assertEquals("256Mi", container(deployment(manifests, "earnings-ingest")).path("resources").path("limits").path("memory").asText());
    }

    @Test
    void selectorsMatchThePodsTheyShouldAndOnlyThose() throws IOException {
        List<JsonNode> manifests = render(production());
        for (JsonNode deployment : ofKind(manifests, "Deployment")) {
            JsonNode selector = deployment.path("spec").path("selector").path("matchLabels");
            JsonNode podLabels = deployment.path("spec").path("template").path("metadata").path("labels");
            selector.fieldNames().forEachRemaining(label ->
                    assertEquals(selector.path(label), podLabels.path(label), label));
        }
        for (JsonNode service : ofKind(manifests, "Service")) {
            JsonNode selector = service.path("spec").path("selector");
            long matching = ofKind(manifests, "Deployment").stream()
                    .filter(d -> matches(selector, d.path("spec").path("template").path("metadata").path("labels")))
                    .count();
            assertEquals(1, matching, service.path("metadata").path("name").asText());
        }
    }

    @Test
    void aMissingRequiredValueFailsWithTheIntendedMessage() {
        Exception missingContact = assertThrows(Exception.class, () -> new Helm(CHART).template()
                .set("postgresql.host", "pg").set("redis.url", "redis://r:6379").set("kafka.bootstrapServers", "k:9092")
                .call());
        assertTrue(missingContact.getMessage().contains("edgar.userAgent is required: SEC fair access needs a User-Agent"),
                missingContact.getMessage());
        Exception missingDatabase = assertThrows(Exception.class, () -> new Helm(CHART).template()
                .set("edgar.userAgent", "x x@example.com").set("redis.url", "redis://r:6379").set("kafka.bootstrapServers", "k:9092")
                .call());
        assertTrue(missingDatabase.getMessage().contains("postgresql.host is required"), missingDatabase.getMessage());
    }

    @Test
    void theGrafanaDashboardChartsTheServicesMetrics() throws IOException {
        JsonNode dashboard = new ObjectMapper().readTree(CHART.resolve("dashboards/capex-watch.json").toFile());
        assertEquals("capex-watch", dashboard.path("uid").asText());
        String queries = dashboard.path("panels").findValues("expr").toString();
        for (String metric : List.of("capexwatch_verdict_state", "capexwatch_ttm_capex_to_ocf", "capexwatch_ttm_fcf_usd",
                "capexwatch_filing_age_seconds", "http_server_requests_seconds_bucket", "capexwatch_edgar_failures_total")) {
            assertTrue(queries.contains(metric), metric);
        }
    }

    private String template() {
        TemplateCommand template = new Helm(CHART).template().withName("cw");
        REQUIRED.forEach(template::set);
        return template.call();
    }

    private String production() {
        return new Helm(CHART).template().withName("cw").withValuesFile(PRODUCTION).call();
    }

    private List<JsonNode> render(String manifests) throws IOException {
        List<JsonNode> documents = new ArrayList<>();
        try (YAMLParser parser = ((YAMLFactory) yaml.getFactory()).createParser(manifests)) {
            yaml.readValues(parser, JsonNode.class).forEachRemaining(doc -> {
                if (doc != null && doc.has("kind")) {
                    documents.add(doc);
                }
            });
        }
        return documents;
    }

    private static List<JsonNode> ofKind(List<JsonNode> manifests, String kind) {
        return manifests.stream().filter(m -> kind.equals(m.path("kind").asText())).toList();
    }

    private static JsonNode deployment(List<JsonNode> manifests, String service) {
        return ofKind(manifests, "Deployment").stream()
                .filter(d -> d.path("metadata").path("name").asText().endsWith(service))
                .findFirst().orElseThrow();
    }

    private static JsonNode container(JsonNode deployment) {
        return deployment.path("spec").path("template").path("spec").path("containers").get(0);
    }

    private static boolean matches(JsonNode selector, JsonNode labels) {
        List<String> names = new ArrayList<>();
        selector.fieldNames().forEachRemaining(names::add);
        return names.stream().allMatch(name -> selector.path(name).equals(labels.path(name)));
    }

    private static Path copyChart(Path dir) throws IOException {
        Path target = dir.resolve("capex-watch");
        try (Stream<Path> files = Files.walk(CHART)) {
            for (Path source : files.toList()) {
                Path destination = target.resolve(CHART.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(destination);
                } else {
                    Files.copy(source, destination);
                }
            }
        }
        return target;
    }
}
