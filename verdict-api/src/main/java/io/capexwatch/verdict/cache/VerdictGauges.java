package io.capexwatch.verdict.cache;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Prometheus gauges per company, from the verdict snapshot: verdict state as a number (0 on schedule,
 * 1 watch, 2 slipping, -1 insufficient data), TTM capex/OCF, TTM free cash flow in USD and the age of the
 * filing the verdict rests on. For the Grafana dashboard in helm/.
 */
@ApplicationScoped
public class VerdictGauges {
    private final MeterRegistry registry;
    private final ObjectMapper mapper;
    private final Clock clock;
    private final Map<String, Figures> figures = new ConcurrentHashMap<>();

    record Figures(double state, double ttmCapexToOcf, double ttmFcf, LocalDate filed) {
    }

    public VerdictGauges(MeterRegistry registry, ObjectMapper mapper) {
        this.registry = registry;
        this.mapper = mapper;
        this.clock = Clock.systemUTC();
    }

    /** Reads the figures of the companies whose verdict changed since {@code before} (null: all). */
    void update(VerdictSnapshot before, VerdictSnapshot snapshot) {
        snapshot.byTicker().forEach((ticker, json) -> {
            if (before != null && before.byTicker().get(ticker) == json && figures.containsKey(ticker)) {
                return;
            }
            Figures next = read(json.body());
            if (figures.put(ticker, next) == null) {
                register(ticker);
            }
        });
    }

    private void register(String ticker) {
        Gauge.builder("capexwatch.verdict.state", figures, f -> f.get(ticker).state())
                .description("0 ON_SCHEDULE, 1 WATCH, 2 SLIPPING, -1 INSUFFICIENT_DATA").tag("ticker", ticker).register(registry);
        Gauge.builder("capexwatch.ttm.capex.to.ocf", figures, f -> f.get(ticker).ttmCapexToOcf())
                .description("TTM capex / TTM operating cash flow").tag("ticker", ticker).register(registry);
        Gauge.builder("capexwatch.ttm.fcf.usd", figures, f -> f.get(ticker).ttmFcf())
                .description("TTM free cash flow, USD").tag("ticker", ticker).register(registry);
        Gauge.builder("capexwatch.filing.age.seconds", figures, f -> age(f.get(ticker).filed()))
                .description("Seconds since the filing the verdict rests on").tag("ticker", ticker).register(registry);
    }

    private double age(LocalDate filed) {
        return filed == null ? Double.NaN : clock.instant().getEpochSecond() - filed.atStartOfDay().toEpochSecond(ZoneOffset.UTC);
    }

    private Figures read(byte[] body) {
        try {
            JsonNode verdict = mapper.readTree(body);
            JsonNode quarters = verdict.path("quarters");
            JsonNode latest = quarters.isArray() && !quarters.isEmpty() ? quarters.get(quarters.size() - 1) : mapper.createObjectNode();
            JsonNode filed = verdict.path("basedOn").path("filed");
            return new Figures(state(verdict.path("state").asText()), number(latest.path("ttmCapexToOcf")),
                    number(latest.path("ttmFcf")), filed.isTextual() ? LocalDate.parse(filed.asText()) : null);
        } catch (IOException e) {
            return new Figures(Double.NaN, Double.NaN, Double.NaN, null);
        }
    }

    private static double number(JsonNode node) {
        return node.isNumber() ? node.asDouble() : Double.NaN;
    }

    private static double state(String state) {
        return switch (state) {
            case "ON_SCHEDULE" -> 0;
            case "WATCH" -> 1;
            case "SLIPPING" -> 2;
            case "INSUFFICIENT_DATA" -> -1;
            default -> Double.NaN;
        };
    }
}
