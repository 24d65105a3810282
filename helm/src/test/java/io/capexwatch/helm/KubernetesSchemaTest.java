package io.capexwatch.helm;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every object the chart renders, read into Kubernetes' own API types (fabric8 kubernetes-model 8.0.0) with
 * unknown fields an error, so a misspelt or misplaced field fails the build instead of being dropped by the
 * API server. fabric8's types keep unknown fields in "additionalProperties" through a Jackson any-setter;
 * this reader switches that off. ServiceMonitor is a prometheus-operator CRD that fabric8 8.0.0 has no
 * model for on Maven Central (openshift-model-monitoring 8.0.0 is not served), so it is read into
 * {@link ServiceMonitorTypes}, a strict copy of the monitoring.coreos.com/v1 fields the chart may use.
 */
class KubernetesSchemaTest {
    /** kind → (apiVersion, type) for everything the chart may render. */
    private static final Map<String, Map.Entry<String, Class<?>>> TYPES = Map.of(
            "Deployment", Map.entry("apps/v1", Deployment.class),
            "Service", Map.entry("v1", Service.class),
            "ConfigMap", Map.entry("v1", ConfigMap.class),
            "HorizontalPodAutoscaler", Map.entry("autoscaling/v2", HorizontalPodAutoscaler.class),
            "PodDisruptionBudget", Map.entry("policy/v1", PodDisruptionBudget.class),
            "NetworkPolicy", Map.entry("networking.k8s.io/v1", NetworkPolicy.class),
            "Ingress", Map.entry("networking.k8s.io/v1", Ingress.class),
            "ServiceMonitor", Map.entry("monitoring.coreos.com/v1", ServiceMonitorTypes.ServiceMonitor.class));

    private static final ObjectMapper STRICT = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .setAnnotationIntrospector(new JacksonAnnotationIntrospector() {
                @Override
                public Boolean hasAnySetter(Annotated a) {
                    return Boolean.FALSE;
                }
            });

    @ParameterizedTest
    @ValueSource(strings = {"default", "production", "reads-require-token", "fixed-replicas", "no-egress-policy"})
    void everyRenderedObjectIsAValidKubernetesObject(String values) throws UnrecognizedPropertyException {
        List<JsonNode> objects = RenderedChart.documents(switch (values) {
            case "default" -> RenderedChart.template(t -> { });
            case "production" -> RenderedChart.production();
            case "reads-require-token" -> RenderedChart.template(t -> t.set("auth.readsRequireToken", "true")
                    .set("auth.apiKeysSecret", "keys"));
            case "fixed-replicas" -> RenderedChart.template(t -> t.set("services.verdictApi.autoscaling.enabled", "false"));
            case "no-egress-policy" -> RenderedChart.template(t -> t.set("networkPolicy.egress.enabled", "false"));
            default -> throw new IllegalArgumentException(values);
        });
        Map<String, Integer> read = new TreeMap<>();
        for (JsonNode object : objects) {
            validate(object);
            read.merge(object.path("kind").asText(), 1, Integer::sum);
        }
        assertEquals(3, read.get("Deployment"), values + ": " + read);
        assertEquals(3, read.get("Service"), values + ": " + read);
        if (values.equals("production")) {
            assertEquals(1, read.get("Ingress"), read.toString());
            assertEquals(1, read.get("ServiceMonitor"), read.toString());
        }
    }

    @Test
    void aMisspeltFieldIsRefused() {
        JsonNode deployment = RenderedChart.documents(RenderedChart.template(t -> { })).stream()
                .filter(o -> o.path("kind").asText().equals("Deployment")).findFirst().orElseThrow();
        ObjectNode container = (ObjectNode) deployment.path("spec").path("template").path("spec").path("containers").get(0);
        container.put("imagePullPolcy", "Always");
        UnrecognizedPropertyException e = assertThrows(UnrecognizedPropertyException.class, () -> validate(deployment));
        assertEquals("imagePullPolcy", e.getPropertyName());
        assertTrue(e.getMessage().contains("Container"), e.getMessage());
    }

    @Test
    void aMisplacedFieldInTheServiceMonitorIsRefused() {
        JsonNode monitor = RenderedChart.documents(RenderedChart.production()).stream()
                .filter(o -> o.path("kind").asText().equals("ServiceMonitor")).findFirst().orElseThrow();
        ((ObjectNode) monitor.path("spec")).put("interval", "30s"); // belongs on an endpoint
        assertThrows(UnrecognizedPropertyException.class, () -> validate(monitor));
    }

    @Test
    void aWrongApiVersionIsRefused() {
        JsonNode hpa = RenderedChart.documents(RenderedChart.template(t -> { })).stream()
                .filter(o -> o.path("kind").asText().equals("HorizontalPodAutoscaler")).findFirst().orElseThrow();
        ((ObjectNode) hpa).put("apiVersion", "autoscaling/v2beta2");
        assertThrows(AssertionError.class, () -> validate(hpa));
    }

    private static void validate(JsonNode object) throws UnrecognizedPropertyException {
        String kind = object.path("kind").asText();
        Map.Entry<String, Class<?>> type = TYPES.get(kind);
        assertTrue(type != null, "the chart renders a " + kind + " that this test does not know");
        assertEquals(type.getKey(), object.path("apiVersion").asText(), kind + " " + object.path("metadata").path("name"));
        try {
            STRICT.treeToValue(object, type.getValue());
        } catch (UnrecognizedPropertyException e) {
            throw e;
        } catch (Exception e) {
            throw new AssertionError(kind + " " + object.path("metadata").path("name") + ": " + e.getMessage(), e);
        }
    }
}
