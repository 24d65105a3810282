package io.capexwatch.helm;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.ObjectMeta;

import java.util.List;

/**
 * The monitoring.coreos.com/v1 ServiceMonitor fields (prometheus-operator API reference) that a chart may
 * set, as strict records: anything else is an unknown field. Metadata and selector use Kubernetes' own types.
 */
final class ServiceMonitorTypes {
    private ServiceMonitorTypes() {
    }

    record ServiceMonitor(String apiVersion, String kind, ObjectMeta metadata, Spec spec) {
    }

    record Spec(LabelSelector selector, NamespaceSelector namespaceSelector, List<Endpoint> endpoints,
                String jobLabel, List<String> targetLabels, List<String> podTargetLabels, Long sampleLimit) {
    }

    record NamespaceSelector(Boolean any, List<String> matchNames) {
    }

    record Endpoint(String port, String targetPort, String path, String scheme, String interval, String scrapeTimeout,
                    Boolean honorLabels, Boolean honorTimestamps) {
    }
}
