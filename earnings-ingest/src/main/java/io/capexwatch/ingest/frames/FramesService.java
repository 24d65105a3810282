package io.capexwatch.ingest.frames;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.capexwatch.contracts.problem.ProblemException;
import io.capexwatch.ingest.edgar.EdgarClient;
import io.capexwatch.ingest.edgar.EdgarConfig;
import io.capexwatch.ingest.edgar.EdgarRequestException;
import io.capexwatch.ingest.edgar.EdgarResponse;
import io.capexwatch.ingest.quarters.MetricConcepts;
import io.capexwatch.contracts.messages.FundamentalMetric;
import io.capexwatch.ingest.repository.CompanyEntity;
import io.capexwatch.ingest.repository.CompanyRepository;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The SEC frames of the capex concepts, fetched through the service's one {@link EdgarClient} (so within the
 * same User-Agent, rate limit and retries as polling) and kept {@code capexwatch.edgar.frames-ttl}; a refresh
 * is a conditional request, and requests for a frame being fetched wait for that fetch instead of sending another.
 */
@ApplicationScoped
public class FramesService {
    private record Cached(FramesDocument document, String etag, Instant fetchedAt) {
    }

    private final EdgarClient edgar;
    private final EdgarConfig config;
    private final CompanyRepository companies;
    private final ObjectMapper mapper;
    private final Duration ttl;
    private final Clock clock = Clock.systemUTC();
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();
    private final Map<String, Uni<Cached>> inFlight = new ConcurrentHashMap<>();

    public FramesService(EdgarClient edgar, EdgarConfig config, CompanyRepository companies, ObjectMapper mapper,
                         @ConfigProperty(name = "capexwatch.edgar.frames-ttl", defaultValue = "12h") Duration ttl) {
        this.edgar = edgar;
        this.config = config;
        this.companies = companies;
        this.mapper = mapper.copy().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
        this.ttl = ttl;
    }

    public Uni<CapexFrameView> capex(FramePeriod period) {
        if (config.userAgent().isEmpty()) {
            throw new ProblemException(503, "edgar-off", "EDGAR access is off",
                    "set capexwatch.edgar.user-agent (CAPEXWATCH_EDGAR_USER_AGENT) to a contact, as SEC fair access requires");
        }
        List<String> concepts = MetricConcepts.candidates(FundamentalMetric.CAPEX);
        return Multi.createFrom().iterable(concepts)
                .onItem().transformToUniAndConcatenate(concept -> frame(concept, period))
                .collect().asList()
                .chain(frames -> companies.listByTicker().map(watched -> CapexFrames.combine(period,
                        frames.stream().map(Cached::document).toList(),
                        watched.stream().collect(Collectors.toMap((CompanyEntity c) -> c.cik, c -> c.ticker)),
                        frames.stream().map(Cached::fetchedAt).min(Instant::compareTo).orElseThrow())));
    }

    private Uni<Cached> frame(String concept, FramePeriod period) {
        String path = "/api/xbrl/frames/us-gaap/" + concept + "/USD/" + period + ".json";
        Cached held = cache.get(path);
        if (held != null && held.fetchedAt().plus(ttl).isAfter(clock.instant())) {
            return Uni.createFrom().item(held);
        }
        // A block, not an expression: eventually(() -> inFlight.remove(p)) would pick the Supplier<Uni> overload
        // and wait for the removed Uni, which is this very fetch.
        return inFlight.computeIfAbsent(path, p -> fetch(p, concept, held).eventually(() -> {
            inFlight.remove(p);
        }).memoize().indefinitely());
    }

    private Uni<Cached> fetch(String path, String concept, Cached held) {
        return edgar.get(path, held == null ? null : held.etag(), null)
                .map(response -> {
                    Cached fresh = response.notModified() && held != null
                            ? new Cached(held.document(), held.etag(), clock.instant())
                            : new Cached(parse(path, response), response.etag(), clock.instant());
                    cache.put(path, fresh);
                    return fresh;
                })
                .onFailure(e -> e instanceof EdgarRequestException request && request.status() == 404)
                .recoverWithItem(() -> new Cached(new FramesDocument("us-gaap", concept, null, "USD", null, null, 0, List.of()),
                        null, clock.instant())) // no filer reported this concept for the period
                .onFailure(e -> !(e instanceof ProblemException))
                .transform(e -> new ProblemException(502, "edgar-unavailable", "EDGAR unavailable",
                        "the frames could not be read from EDGAR: " + e.getMessage()));
    }

    private FramesDocument parse(String path, EdgarResponse response) {
        try {
            FramesDocument document = mapper.readValue(response.body(), FramesDocument.class);
            if (document.data() == null) {
                throw new IOException("no data array");
            }
            return document;
        } catch (IOException e) {
            throw new ProblemException(502, "edgar-unreadable", "EDGAR answer unreadable", path + ": " + e.getMessage());
        }
    }
}
