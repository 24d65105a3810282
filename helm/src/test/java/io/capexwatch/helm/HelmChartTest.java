package io.capexwatch.helm;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import com.marcnuri.helm.TemplateCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The chart, linted and rendered offline with helm-java, and its manifests checked. */
class HelmChartTest {
    private static final Path CHART = RenderedChart.CHART;
    private static final String KUBE_VERSION = RenderedChart.KUBE_VERSION;
    private static final Map<String, String> REQUIRED = RenderedChart.REQUIRED;
    private static final List<String> SERVICES = List.of("earnings-ingest", "capex-tracker", "verdict-api");
    private static final Pattern SECRET_LOOKING = Pattern.compile("(?i)password|passwd|secret|token|api[-_]?keys?|private|credential|BEGIN [A-Z ]*KEY");

    private final ObjectMapper yaml = RenderedChart.YAML;

    // ---- lint -------------------------------------------------------------------------------------

    @Test
    void strictLintPassesWithTheRequiredValues(@TempDir Path dir) throws IOException {
        // helm lint takes no --set or -f: lint a copy whose values.yaml has the overrides merged in.
        ObjectNode overrides = yaml.createObjectNode();
        REQUIRED.forEach((path, value) -> setPath(overrides, path, value));
        assertLintsClean(new Helm(chartWithValues(dir, overrides)).lint().strict().call());
    }

    @Test
    void strictLintPassesWithTheProductionValues(@TempDir Path dir) throws IOException {
        assertLintsClean(new Helm(chartWithValues(dir, yaml.readTree(RenderedChart.PRODUCTION.toFile()))).lint().strict().call());
    }

    /**
     * No finding but the missing icon. Lint renders in "lint mode", where fail and required only log, so the
     * template failures are asserted on helm template further down, not here.
     */
    private static void assertLintsClean(LintResult lint) {
        assertFalse(lint.isFailed(), String.join("\n", lint.getMessages()));
        List<String> findings = lint.getMessages().stream().filter(m -> !m.contains("icon is recommended")).toList();
        assertEquals(List.of(), findings);
    }

    // ---- what each values file renders -------------------------------------------------------------

    @Test
    void defaultValuesRenderTheJvmVariantWithAnHpaAndNoIngressOrServiceMonitor() throws IOException {
        List<JsonNode> manifests = render(template());
        assertEquals(Map.of("Deployment", 3, "Service", 3, "HorizontalPodAutoscaler", 1, "PodDisruptionBudget", 1,
                "NetworkPolicy", 4, "ConfigMap", 1), countByKind(manifests));
        for (String service : SERVICES) {
            JsonNode container = container(deployment(manifests, service));
            assertEquals("ghcr.io/capexwatch/" + service + ":0.1.0-SNAPSHOT-jvm", container.path("image").asText());
            assertEquals("512Mi", container.path("resources").path("limits").path("memory").asText());
            assertEquals("1", container.path("resources").path("limits").path("cpu").asText());
            assertEquals("320Mi", container.path("resources").path("requests").path("memory").asText());
            assertEquals("-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError", env(container, "JAVA_TOOL_OPTIONS").path("value").asText());
        }
        assertEquals(1, deployment(manifests, "earnings-ingest").path("spec").path("replicas").asInt());
        assertEquals(1, deployment(manifests, "capex-tracker").path("spec").path("replicas").asInt());
    }

    @Test
    void productionValuesRenderNativeImagesIngressAndServiceMonitor() throws IOException {
        List<JsonNode> manifests = render(production());
        assertEquals(Map.of("Deployment", 3, "Service", 3, "HorizontalPodAutoscaler", 1, "PodDisruptionBudget", 1,
                "NetworkPolicy", 4, "ConfigMap", 1, "Ingress", 1, "ServiceMonitor", 1), countByKind(manifests));
        for (String service : SERVICES) {
            JsonNode container = container(deployment(manifests, service));
            assertEquals("ghcr.io/capexwatch/" + service + ":0.1.0-native", container.path("image").asText());
            assertEquals("256Mi", container.path("resources").path("limits").path("memory").asText());
            assertEquals("96Mi", container.path("resources").path("requests").path("memory").asText());
            assertTrue(env(container, "JAVA_TOOL_OPTIONS").isMissingNode(), service + ": JVM options on a native image");
        }
        JsonNode hpa = single(manifests, "HorizontalPodAutoscaler");
        assertEquals(3, hpa.path("spec").path("minReplicas").asInt());
        assertEquals(10, hpa.path("spec").path("maxReplicas").asInt());
    }

    @Test
    void anUnknownVariantOrAnOldKubernetesIsRefused() {
        Exception variant = assertThrows(Exception.class, () -> template(t -> t.set("image.variant", "graal")));
        assertTrue(variant.getMessage().contains("image.variant must be jvm or native, not \"graal\""), variant.getMessage());
        TemplateCommand old = new Helm(CHART).template().withName("cw").withKubeVersion("1.22.0");
        REQUIRED.forEach(old::set);
        Exception kube = assertThrows(Exception.class, old::call);
        assertTrue(kube.getMessage().contains("chart requires kubeVersion: >=1.23.0-0"), kube.getMessage());
    }

    // ---- every container --------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"default", "production"})
    void everyContainerHasProbesLimitsAWritableTmpAndALockedDownSecurityContext(String values) throws IOException {
        List<JsonNode> deployments = ofKind(render(values.equals("default") ? template() : production()), "Deployment");
        assertEquals(3, deployments.size());
        for (JsonNode deployment : deployments) {
            String name = name(deployment);
            JsonNode pod = deployment.path("spec").path("template").path("spec");
            JsonNode podSecurity = pod.path("securityContext");
            assertTrue(podSecurity.path("runAsNonRoot").asBoolean(), name);
            assertEquals(1001, podSecurity.path("runAsUser").asInt(), name);
            assertEquals("RuntimeDefault", podSecurity.path("seccompProfile").path("type").asText(), name);
            assertEquals(1, pod.path("containers").size(), name);
            for (JsonNode container : pod.path("containers")) {
                Map<String, String> probePaths = Map.of("startupProbe", "/q/health/started",
                        "livenessProbe", "/q/health/live", "readinessProbe", "/q/health/ready");
                probePaths.forEach((probe, path) -> {
                    assertEquals(path, container.path(probe).path("httpGet").path("path").asText(), name + " " + probe);
                    assertEquals("http", container.path(probe).path("httpGet").path("port").asText(), name + " " + probe);
                });
                assertEquals("http", container.path("ports").get(0).path("name").asText(), name);
                JsonNode limits = container.path("resources").path("limits");
                assertFalse(limits.path("memory").asText().isEmpty(), name + " memory limit");
                assertFalse(limits.path("cpu").asText().isEmpty(), name + " cpu limit");
                JsonNode security = container.path("securityContext");
                assertTrue(security.path("readOnlyRootFilesystem").asBoolean(), name);
                assertFalse(security.path("allowPrivilegeEscalation").asBoolean(true), name);
                assertEquals("[\"ALL\"]", security.path("capabilities").path("drop").toString(), name);
                // Read-only root: /tmp must be an emptyDir for Vert.x and the JVM.
                JsonNode mount = container.path("volumeMounts").get(0);
                assertEquals("/tmp", mount.path("mountPath").asText(), name);
                JsonNode volume = pod.path("volumes").get(0);
                assertEquals(mount.path("name").asText(), volume.path("name").asText(), name);
                assertTrue(volume.has("emptyDir"), name);
            }
        }
    }

    // ---- credentials and ConfigMaps ---------------------------------------------------------------

    @Test
    void credentialsComeFromSecretsAndNeverAppearInline() throws IOException {
        List<JsonNode> manifests = render(production());
        for (JsonNode deployment : ofKind(manifests, "Deployment")) {
            for (JsonNode env : container(deployment).path("env")) {
                String name = env.path("name").asText();
                if (name.contains("PASSWORD") || name.contains("USERNAME") || name.contains("API_KEY") || name.contains("PUBLICKEY")) {
                    assertFalse(env.has("value"), name + " must not be inline");
                    assertTrue(env.path("valueFrom").has("secretKeyRef"), name);
                }
            }
        }
        assertTrue(ofKind(manifests, "Secret").isEmpty());
        JsonNode verdict = container(deployment(manifests, "verdict-api"));
        assertEquals("capex-watch-redis", secretRef(verdict, "QUARKUS_REDIS_PASSWORD").path("name").asText());
        assertEquals("capex-watch-db", secretRef(verdict, "QUARKUS_DATASOURCE_PASSWORD").path("name").asText());
        assertEquals("capex-watch-jwt", secretRef(verdict, "MP_JWT_VERIFY_PUBLICKEY").path("name").asText());
        for (String service : SERVICES) {
            JsonNode container = container(deployment(manifests, service));
            JsonNode adminKeys = secretRef(container, "CAPEXWATCH_AUTH_API_KEYS");
            assertEquals("capex-watch-api-keys", adminKeys.path("name").asText(), service);
            assertEquals("api-keys", adminKeys.path("key").asText(), service);
            assertFalse(adminKeys.path("optional").asBoolean(), service + ": admin keys are not optional");
            // Reader keys: same Secret, own key, optional so a Secret without them still starts the pods.
            JsonNode readerKeys = secretRef(container, "CAPEXWATCH_AUTH_READER_API_KEYS");
            assertEquals("capex-watch-api-keys", readerKeys.path("name").asText(), service);
            assertEquals("reader-api-keys", readerKeys.path("key").asText(), service);
            assertTrue(readerKeys.path("optional").asBoolean(), service);
        }
        JsonNode ingestKey = secretRef(container(deployment(manifests, "capex-tracker")), "CAPEXWATCH_INGEST_API_KEY");
        assertEquals("ingest-api-key", ingestKey.path("key").asText());
        assertTrue(ingestKey.path("optional").asBoolean());
    }

    @Test
    void readsRequireATokenOnlyWhenAskedAndOnlyOnVerdictApi() throws IOException {
        List<JsonNode> open = render(template());
        assertEquals("false", env(container(deployment(open, "verdict-api")), "CAPEXWATCH_AUTH_READS_REQUIRE_TOKEN").path("value").asText());
        assertTrue(env(container(deployment(open, "verdict-api")), "CAPEXWATCH_AUTH_READER_API_KEYS").isMissingNode(),
                "no apiKeysSecret, no reader key reference");

        List<JsonNode> closed = render(template(t -> t.set("auth.readsRequireToken", "true").set("auth.apiKeysSecret", "keys")));
        assertEquals("true", env(container(deployment(closed, "verdict-api")), "CAPEXWATCH_AUTH_READS_REQUIRE_TOKEN").path("value").asText());
        for (String service : List.of("earnings-ingest", "capex-tracker")) {
            assertTrue(env(container(deployment(closed, service)), "CAPEXWATCH_AUTH_READS_REQUIRE_TOKEN").isMissingNode(), service);
        }
        // The probes stay on the open health endpoints, without credentials.
        JsonNode readiness = container(deployment(closed, "verdict-api")).path("readinessProbe").path("httpGet");
        assertEquals("/q/health/ready", readiness.path("path").asText());
        assertFalse(readiness.has("httpHeaders"));

        Exception noKeys = assertThrows(Exception.class, () -> template(t -> t.set("auth.readsRequireToken", "true")));
        assertTrue(noKeys.getMessage().contains("auth.readsRequireToken needs auth.apiKeysSecret or auth.jwtPublicKeySecret"),
                noKeys.getMessage());
    }

    @Test
    void aDeploymentsOwnCompanyDefinitionsAreMountedIntoEarningsIngestOnly() throws IOException {
        assertTrue(env(container(deployment(render(template()), "earnings-ingest")), "CAPEXWATCH_DEFINITIONS_DIRECTORY").isMissingNode(),
                "no ConfigMap, the versioned definitions only");
        List<JsonNode> manifests = render(template(t -> t.set("definitions.existingConfigMap", "desk-definitions")));
        JsonNode ingest = deployment(manifests, "earnings-ingest");
        assertEquals("/deployments/definitions", envValue(container(ingest), "CAPEXWATCH_DEFINITIONS_DIRECTORY"));
        JsonNode mount = StreamSupport.stream(container(ingest).path("volumeMounts").spliterator(), false)
                .filter(m -> m.path("name").asText().equals("definitions")).findFirst().orElseThrow();
        assertEquals("/deployments/definitions", mount.path("mountPath").asText());
        assertTrue(mount.path("readOnly").asBoolean());
        JsonNode volume = StreamSupport.stream(ingest.path("spec").path("template").path("spec").path("volumes").spliterator(), false)
                .filter(v -> v.path("name").asText().equals("definitions")).findFirst().orElseThrow();
        assertEquals("desk-definitions", volume.path("configMap").path("name").asText());
        for (String service : List.of("capex-tracker", "verdict-api")) {
            assertTrue(env(container(deployment(manifests, service)), "CAPEXWATCH_DEFINITIONS_DIRECTORY").isMissingNode(), service);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"default", "production"})
    void configMapsHoldTheDashboardAndNothingSecret(String values) throws IOException {
        List<JsonNode> manifests = render(values.equals("default") ? template() : production());
        assertTrue(ofKind(manifests, "Secret").isEmpty());
        List<JsonNode> configMaps = ofKind(manifests, "ConfigMap");
        assertEquals(1, configMaps.size());
        for (JsonNode configMap : configMaps) {
            for (String section : List.of("data", "binaryData")) {
                configMap.path(section).properties().forEach(entry -> {
                    assertFalse(SECRET_LOOKING.matcher(entry.getKey()).find(), "secret-looking key " + entry.getKey());
                    assertFalse(SECRET_LOOKING.matcher(entry.getValue().asText()).find(), "secret-looking value under " + entry.getKey());
                });
            }
        }
        JsonNode dashboard = configMaps.get(0);
        assertEquals("1", dashboard.path("metadata").path("labels").path("grafana_dashboard").asText());
        assertEquals(new ObjectMapper().readTree(CHART.resolve("dashboards/capex-watch.json").toFile()),
                new ObjectMapper().readTree(dashboard.path("data").path("capex-watch.json").asText()));
    }

    @Test
    void theDashboardLabelIsConfigurableAndTheDashboardOptional() throws IOException {
        List<JsonNode> relabelled = render(template(t -> t.set("grafanaDashboard.labels.grafana_dashboard", "null")
                .set("grafanaDashboard.labels.dashboards", "capex")));
        JsonNode labels = single(relabelled, "ConfigMap").path("metadata").path("labels");
        assertEquals("capex", labels.path("dashboards").asText());
        assertFalse(labels.has("grafana_dashboard"));
        assertTrue(ofKind(render(template(t -> t.set("grafanaDashboard.enabled", "false"))), "ConfigMap").isEmpty());
    }

    // ---- selectors --------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"default", "production"})
    void everySelectorSelectsPodsThisReleaseRuns(String values) throws IOException {
        List<JsonNode> manifests = render(values.equals("default") ? template() : production());
        List<JsonNode> deployments = ofKind(manifests, "Deployment");
        for (JsonNode deployment : deployments) {
            JsonNode selector = deployment.path("spec").path("selector").path("matchLabels");
            assertTrue(selector.size() >= 2, name(deployment));
            assertTrue(matches(selector, podLabels(deployment)), name(deployment) + " selects its own pods");
            long others = deployments.stream().filter(d -> d != deployment && matches(selector, podLabels(d))).count();
            assertEquals(0, others, name(deployment) + " selects another Deployment's pods");
        }
        for (JsonNode service : ofKind(manifests, "Service")) {
            assertEquals(List.of(name(service)), selected(deployments, service.path("spec").path("selector")));
        }
        for (JsonNode pdb : ofKind(manifests, "PodDisruptionBudget")) {
            assertEquals(List.of("cw-verdict-api"), selected(deployments, pdb.path("spec").path("selector").path("matchLabels")));
            assertEquals(1, pdb.path("spec").path("minAvailable").asInt());
        }
        for (JsonNode policy : ofKind(manifests, "NetworkPolicy")) {
            List<String> selected = selected(deployments, policy.path("spec").path("podSelector").path("matchLabels"));
            if (name(policy).equals("cw-default-deny")) {
                assertEquals(List.of("cw-capex-tracker", "cw-earnings-ingest", "cw-verdict-api"), selected);
            } else {
                assertEquals(List.of(name(policy)), selected, "policy " + name(policy));
            }
        }
        for (JsonNode monitor : ofKind(manifests, "ServiceMonitor")) {
            JsonNode selector = monitor.path("spec").path("selector").path("matchLabels");
            List<JsonNode> services = ofKind(manifests, "Service").stream()
                    .filter(s -> matches(selector, s.path("metadata").path("labels"))).toList();
            assertEquals(3, services.size());
            for (JsonNode service : services) {
                assertEquals("http", service.path("spec").path("ports").get(0).path("name").asText());
            }
        }
    }

    @Test
    void theHpaOwnsVerdictApiReplicasWhileEnabled() throws IOException {
        List<JsonNode> manifests = render(template());
        JsonNode hpa = single(manifests, "HorizontalPodAutoscaler");
        assertEquals("autoscaling/v2", hpa.path("apiVersion").asText());
        JsonNode target = hpa.path("spec").path("scaleTargetRef");
        assertEquals("Deployment", target.path("kind").asText());
        assertEquals("apps/v1", target.path("apiVersion").asText());
        assertEquals("cw-verdict-api", target.path("name").asText());
        assertEquals(2, hpa.path("spec").path("minReplicas").asInt());
        assertEquals(6, hpa.path("spec").path("maxReplicas").asInt());
        JsonNode cpu = hpa.path("spec").path("metrics").get(0).path("resource");
        assertEquals("cpu", cpu.path("name").asText());
        assertEquals("Utilization", cpu.path("target").path("type").asText());
        assertEquals(70, cpu.path("target").path("averageUtilization").asInt());
        assertFalse(deployment(manifests, "verdict-api").path("spec").has("replicas"), "replicas would fight the HPA");

        List<JsonNode> fixed = render(template(t -> t.set("services.verdictApi.autoscaling.enabled", "false")));
        assertTrue(ofKind(fixed, "HorizontalPodAutoscaler").isEmpty());
        assertEquals(2, deployment(fixed, "verdict-api").path("spec").path("replicas").asInt());

        Exception inverted = assertThrows(Exception.class, () -> template(t -> t.set("services.verdictApi.autoscaling.minReplicas", "8")));
        assertTrue(inverted.getMessage().contains("services.verdictApi.autoscaling: minReplicas (8) is above maxReplicas (6)"),
                inverted.getMessage());
    }

    // ---- ingress, network policies, monitoring ----------------------------------------------------

    @Test
    void theIngressRoutesToTheVerdictApiServicePortWithoutBuffering() throws IOException {
        assertTrue(ofKind(render(template()), "Ingress").isEmpty(), "off by default");
        List<JsonNode> manifests = render(production());
        JsonNode ingress = single(manifests, "Ingress");
        assertEquals("nginx", ingress.path("spec").path("ingressClassName").asText());
        JsonNode annotations = ingress.path("metadata").path("annotations");
        assertEquals("off", annotations.path("nginx.ingress.kubernetes.io/proxy-buffering").asText());
        assertEquals("3600", annotations.path("nginx.ingress.kubernetes.io/proxy-read-timeout").asText());
        assertEquals("letsencrypt", annotations.path("cert-manager.io/cluster-issuer").asText());
        JsonNode tls = ingress.path("spec").path("tls").get(0);
        assertEquals("capex-watch-tls", tls.path("secretName").asText());
        assertEquals("[\"capex-watch.example.com\"]", tls.path("hosts").toString());
        JsonNode rule = ingress.path("spec").path("rules").get(0);
        assertEquals("capex-watch.example.com", rule.path("host").asText());
        JsonNode path = rule.path("http").path("paths").get(0);
        assertEquals("/", path.path("path").asText());
        assertEquals("Prefix", path.path("pathType").asText());
        JsonNode backend = path.path("backend").path("service");
        JsonNode service = ofKind(manifests, "Service").stream()
                .filter(s -> name(s).equals(backend.path("name").asText())).findFirst().orElseThrow();
        assertEquals("cw-verdict-api", name(service));
        assertEquals(8080, backend.path("port").path("number").asInt());
        assertEquals(8080, service.path("spec").path("ports").get(0).path("port").asInt());

        Exception noHost = assertThrows(Exception.class, () -> template(t -> t.set("ingress.enabled", "true")));
        assertTrue(noHost.getMessage().contains("ingress.host is required when ingress.enabled is true"), noHost.getMessage());
    }

    @Test
    void networkPoliciesDenyByDefaultAndAllowWhatEachServiceNeeds() throws IOException {
        List<JsonNode> manifests = render(template());
        JsonNode deny = policy(manifests, "cw-default-deny");
        assertEquals("[\"Ingress\",\"Egress\"]", deny.path("spec").path("policyTypes").toString());
        assertFalse(deny.path("spec").has("ingress") || deny.path("spec").has("egress"));

        // verdict-api: its HTTP port from anywhere; Redis only here; HTTPS out to webhook alert receivers;
        // earnings-ingest for the SEC frames of the board's group panel.
        JsonNode verdict = policy(manifests, "cw-verdict-api").path("spec");
        assertEquals(1, verdict.path("ingress").size());
        assertEquals("http", verdict.path("ingress").get(0).path("ports").get(0).path("port").asText());
        assertFalse(verdict.path("ingress").get(0).has("from"), "from anywhere");
        assertEquals(Set.of("53/UDP", "53/TCP", "5432/TCP", "9092/TCP", "6379/TCP", "443/TCP", "8081/TCP"), egressPorts(verdict));
        assertEquals("earnings-ingest", egressRuleWithPort(verdict, 8081).path("to").get(0).path("podSelector")
                .path("matchLabels").path("app.kubernetes.io/name").asText());
        assertEquals("http://cw-earnings-ingest:8081", envValue(container(deployment(manifests, "verdict-api")),
                "QUARKUS_REST_CLIENT_INGEST_URL"));
        assertEquals("0.0.0.0/0", egressRuleWithPort(verdict, 443).path("to").get(0).path("ipBlock").path("cidr").asText());

        // earnings-ingest: client pods, the ingress controller and Prometheus only; HTTPS out for EDGAR.
        JsonNode ingest = policy(manifests, "cw-earnings-ingest").path("spec");
        JsonNode from = ingest.path("ingress").get(0).path("from");
        assertEquals("http", ingest.path("ingress").get(0).path("ports").get(0).path("port").asText());
        assertEquals(5, from.size());
        assertEquals("true", from.get(0).path("podSelector").path("matchLabels").path("capex-watch.io/client").asText());
        // capex-tracker (point-in-time fundamentals) and verdict-api (SEC frames) read earnings-ingest.
        assertEquals("capex-tracker", from.get(1).path("podSelector").path("matchLabels").path("app.kubernetes.io/name").asText());
        assertEquals("verdict-api", from.get(2).path("podSelector").path("matchLabels").path("app.kubernetes.io/name").asText());
        assertEquals("ingress-nginx", from.get(3).path("namespaceSelector").path("matchLabels").path("kubernetes.io/metadata.name").asText());
        assertEquals("monitoring", from.get(4).path("namespaceSelector").path("matchLabels").path("kubernetes.io/metadata.name").asText());
        assertEquals(Set.of("53/UDP", "53/TCP", "5432/TCP", "9092/TCP", "443/TCP"), egressPorts(ingest));
        JsonNode https = egressRuleWithPort(ingest, 443);
        assertEquals("0.0.0.0/0", https.path("to").get(0).path("ipBlock").path("cidr").asText());

        JsonNode tracker = policy(manifests, "cw-capex-tracker").path("spec");
        assertEquals(3, tracker.path("ingress").get(0).path("from").size());
        assertEquals(Set.of("53/UDP", "53/TCP", "5432/TCP", "9092/TCP", "8081/TCP"), egressPorts(tracker));
        assertEquals("earnings-ingest", egressRuleWithPort(tracker, 8081).path("to").get(0).path("podSelector")
                .path("matchLabels").path("app.kubernetes.io/name").asText());
        assertEquals("http://cw-earnings-ingest:8081", envValue(container(deployment(manifests, "capex-tracker")),
                "QUARKUS_REST_CLIENT_INGEST_URL"));
    }

    @Test
    void networkPolicyPortsFollowTheValuesAndEgressIsOptional() throws IOException {
        List<JsonNode> custom = render(template(t -> t.set("postgresql.port", "6432").set("kafka.port", "9093").set("redis.port", "6380")));
        assertEquals(Set.of("53/UDP", "53/TCP", "6432/TCP", "9093/TCP", "6380/TCP", "443/TCP", "8081/TCP"), egressPorts(policy(custom, "cw-verdict-api").path("spec")));


        List<JsonNode> ingressOnly = render(template(t -> t.set("networkPolicy.egress.enabled", "false")));
        for (JsonNode policy : ofKind(ingressOnly, "NetworkPolicy")) {
            assertEquals("[\"Ingress\"]", policy.path("spec").path("policyTypes").toString(), name(policy));
            assertFalse(policy.path("spec").has("egress"), name(policy));
        }
        assertTrue(ofKind(render(template(t -> t.set("networkPolicy.enabled", "false"))), "NetworkPolicy").isEmpty());
    }

    @Test
    void webhookAlertEgressCanBePinnedToTheReceivers(@TempDir Path dir) throws IOException {
        Path values = dir.resolve("alert-targets.yaml");
        Files.writeString(values, """
                networkPolicy:
                  egress:
                    alertTargets:
                      cidrs: [192.0.2.0/24]
                      ports: [443, 8443]
                """);
        JsonNode verdict = policy(render(template(t -> t.withValuesFile(values))), "cw-verdict-api").path("spec");
        JsonNode alerts = egressRuleWithPort(verdict, 8443);
        assertEquals("192.0.2.0/24", alerts.path("to").get(0).path("ipBlock").path("cidr").asText());
        assertEquals(2, alerts.path("ports").size());
        assertEquals(1, alerts.path("to").size());
    }

    @Test
    void verdictApiCanBeRestrictedToListedPeers(@TempDir Path dir) throws IOException {
        Path values = dir.resolve("restricted.yaml");
        Files.writeString(values, """
                networkPolicy:
                  verdictApiFrom:
                    - namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: dashboards}}
                    - ipBlock: {cidr: 10.20.0.0/16}
                """);
        List<JsonNode> manifests = render(template(t -> t.withValuesFile(values)));
        JsonNode from = policy(manifests, "cw-verdict-api").path("spec").path("ingress").get(0).path("from");
        assertEquals(4, from.size(), from.toString());
        assertEquals("dashboards", from.get(0).path("namespaceSelector").path("matchLabels").path("kubernetes.io/metadata.name").asText());
        assertEquals("10.20.0.0/16", from.get(1).path("ipBlock").path("cidr").asText());
        // The Ingress and Prometheus keep working when restricted.
        assertEquals("ingress-nginx", from.get(2).path("namespaceSelector").path("matchLabels").path("kubernetes.io/metadata.name").asText());
        assertEquals("monitoring", from.get(3).path("namespaceSelector").path("matchLabels").path("kubernetes.io/metadata.name").asText());
    }

    @Test
    void theServiceMonitorScrapesQuarkusMetricsOnTheHttpPort() throws IOException {
        assertTrue(ofKind(render(template()), "ServiceMonitor").isEmpty(), "off by default");
        JsonNode monitor = single(render(production()), "ServiceMonitor");
        assertEquals("monitoring.coreos.com/v1", monitor.path("apiVersion").asText());
        assertEquals("kube-prometheus-stack", monitor.path("metadata").path("labels").path("release").asText());
        JsonNode endpoint = monitor.path("spec").path("endpoints").get(0);
        assertEquals("http", endpoint.path("port").asText());
        assertEquals("/q/metrics", endpoint.path("path").asText());
        assertEquals("30s", endpoint.path("interval").asText());
    }

    // ---- required values --------------------------------------------------------------------------

    @Test
    void aMissingRequiredValueFailsWithTheIntendedMessage() {
        Map<String, String> messages = orderedMap(
                "edgar.userAgent", "edgar.userAgent is required: SEC fair access needs a User-Agent with a contact",
                "postgresql.host", "postgresql.host is required: capex-watch runs against your own PostgreSQL",
                "redis.url", "redis.url is required: verdict-api caches current verdicts in Redis",
                "kafka.bootstrapServers", "kafka.bootstrapServers is required: the services talk through Kafka");
        messages.forEach((missing, message) -> {
            TemplateCommand template = new Helm(CHART).template().withName("cw").withKubeVersion(KUBE_VERSION);
            REQUIRED.forEach((key, value) -> {
                if (!key.equals(missing)) {
                    template.set(key, value);
                }
            });
            Exception failure = assertThrows(Exception.class, template::call, missing);
            assertTrue(failure.getMessage().contains(message), missing + ": " + failure.getMessage());
        });
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

    // ---- helpers ----------------------------------------------------------------------------------

    private String template() {
        return template(t -> { });
    }

    private String template(Consumer<TemplateCommand> customize) {
        return RenderedChart.template(customize);
    }

    private String production() {
        return RenderedChart.production();
    }

    private List<JsonNode> render(String manifests) {
        return RenderedChart.documents(manifests);
    }

    private static Map<String, Integer> countByKind(List<JsonNode> manifests) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        manifests.forEach(m -> counts.merge(m.path("kind").asText(), 1, Integer::sum));
        return counts;
    }

    private static List<JsonNode> ofKind(List<JsonNode> manifests, String kind) {
        return manifests.stream().filter(m -> kind.equals(m.path("kind").asText())).toList();
    }

    private static JsonNode single(List<JsonNode> manifests, String kind) {
        List<JsonNode> found = ofKind(manifests, kind);
        assertEquals(1, found.size(), kind);
        return found.get(0);
    }

    private static String name(JsonNode manifest) {
        return manifest.path("metadata").path("name").asText();
    }

    private static JsonNode deployment(List<JsonNode> manifests, String service) {
        return ofKind(manifests, "Deployment").stream()
                .filter(d -> name(d).equals("cw-" + service))
                .findFirst().orElseThrow();
    }

    private static JsonNode policy(List<JsonNode> manifests, String name) {
        return ofKind(manifests, "NetworkPolicy").stream().filter(p -> name(p).equals(name)).findFirst().orElseThrow();
    }

    private static JsonNode container(JsonNode deployment) {
        return deployment.path("spec").path("template").path("spec").path("containers").get(0);
    }

    private static JsonNode podLabels(JsonNode deployment) {
        return deployment.path("spec").path("template").path("metadata").path("labels");
    }

    /** The env entry of that name, or a missing node. */
    private static JsonNode env(JsonNode container, String name) {
        for (JsonNode env : container.path("env")) {
            if (env.path("name").asText().equals(name)) {
                return env;
            }
        }
        return MissingNode.getInstance();
    }

    private static JsonNode secretRef(JsonNode container, String name) {
        JsonNode env = env(container, name);
        assertFalse(env.has("value"), name);
        JsonNode ref = env.path("valueFrom").path("secretKeyRef");
        assertFalse(ref.isMissingNode(), name + " has no secretKeyRef");
        return ref;
    }

    /** Names of the Deployments whose pods carry every label of the selector (an empty selector selects none here). */
    private static List<String> selected(List<JsonNode> deployments, JsonNode selector) {
        if (selector.isEmpty()) {
            return List.of();
        }
        return deployments.stream().filter(d -> matches(selector, podLabels(d))).map(HelmChartTest::name).sorted().toList();
    }

    private static boolean matches(JsonNode selector, JsonNode labels) {
        List<String> names = new ArrayList<>();
        selector.fieldNames().forEachRemaining(names::add);
        return names.stream().allMatch(name -> selector.path(name).equals(labels.path(name)));
    }

    private static String envValue(JsonNode container, String name) {
        for (JsonNode env : container.path("env")) {
            if (env.path("name").asText().equals(name)) {
                return env.path("value").asText();
            }
        }
        throw new AssertionError(name + " not set");
    }

    private static Set<String> egressPorts(JsonNode policySpec) {
        Set<String> ports = new TreeSet<>();
        for (JsonNode rule : policySpec.path("egress")) {
            for (JsonNode port : rule.path("ports")) {
                ports.add(port.path("port").asText() + "/" + port.path("protocol").asText());
            }
        }
        return ports;
    }

    private static JsonNode egressRuleWithPort(JsonNode policySpec, int port) {
        for (JsonNode rule : policySpec.path("egress")) {
            for (JsonNode p : rule.path("ports")) {
                if (p.path("port").asInt() == port) {
                    return rule;
                }
            }
        }
        throw new AssertionError("no egress rule for port " + port);
    }

    /** A copy of the chart whose values.yaml is the chart's own with the overrides merged in (as -f would). */
    private Path chartWithValues(Path dir, JsonNode overrides) throws IOException {
        Path copy = copyChart(dir);
        JsonNode values = yaml.readTree(CHART.resolve("values.yaml").toFile());
        Files.writeString(copy.resolve("values.yaml"), yaml.writeValueAsString(merge((ObjectNode) values, overrides)));
        return copy;
    }

    private static ObjectNode merge(ObjectNode target, JsonNode overrides) {
        overrides.properties().forEach(entry -> {
            JsonNode existing = target.get(entry.getKey());
            if (existing instanceof ObjectNode object && entry.getValue().isObject()) {
                merge(object, entry.getValue());
            } else {
                target.set(entry.getKey(), entry.getValue());
            }
        });
        return target;
    }

    private static void setPath(ObjectNode root, String dottedPath, String value) {
        String[] parts = dottedPath.split("\\.");
        ObjectNode node = root;
        for (int i = 0; i < parts.length - 1; i++) {
            node = node.has(parts[i]) ? (ObjectNode) node.get(parts[i]) : node.putObject(parts[i]);
        }
        node.put(parts[parts.length - 1], value);
    }

    private static Map<String, String> orderedMap(String... keysAndValues) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
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
