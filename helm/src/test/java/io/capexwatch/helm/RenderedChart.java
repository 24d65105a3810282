package io.capexwatch.helm;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.TemplateCommand;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** The chart rendered offline with helm-java (helm template), with the default and the production values. */
final class RenderedChart {
    static final Path CHART = Path.of("capex-watch");
    static final Path PRODUCTION = CHART.resolve("ci/production-values.yaml");
    // helm-java renders for Kubernetes 1.20 unless told otherwise; the chart needs 1.23+ (Chart.yaml).
    static final String KUBE_VERSION = "1.30.0";
    /** The values a release must set; with them the default values render. */
    static final Map<String, String> REQUIRED = new LinkedHashMap<>();

    static {
        REQUIRED.put("edgar.userAgent", "Example Research research@example.com");
        REQUIRED.put("postgresql.host", "pg.databases.svc");
        REQUIRED.put("redis.url", "redis://redis.cache.svc:6379");
        REQUIRED.put("kafka.bootstrapServers", "kafka.kafka.svc:9092");
    }

    /** A duplicated key is silently "last one wins" in most YAML readers; it is an error here. */
    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION));

    private RenderedChart() {
    }

    /** helm template with the required values and whatever {@code customize} adds. */
    static String template(Consumer<TemplateCommand> customize) {
        TemplateCommand template = new Helm(CHART).template().withName("cw").withKubeVersion(KUBE_VERSION);
        REQUIRED.forEach(template::set);
        customize.accept(template);
        return template.call();
    }

    static String production() {
        return new Helm(CHART).template().withName("cw").withKubeVersion(KUBE_VERSION).withValuesFile(PRODUCTION).call();
    }

    /** The Kubernetes objects of a rendered multi-document YAML stream. */
    static List<JsonNode> documents(String manifests) {
        List<JsonNode> documents = new ArrayList<>();
        try (YAMLParser parser = ((YAMLFactory) YAML.getFactory()).createParser(manifests)) {
            YAML.readValues(parser, JsonNode.class).forEachRemaining(doc -> {
                if (doc != null && doc.has("kind")) {
                    documents.add(doc);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return documents;
    }
}
