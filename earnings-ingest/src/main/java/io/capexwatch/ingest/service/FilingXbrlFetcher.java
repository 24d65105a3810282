package io.capexwatch.ingest.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.capexwatch.ingest.edgar.CompanyFacts;
import io.capexwatch.ingest.edgar.EdgarClient;
import io.capexwatch.ingest.edgar.EdgarRequestException;
import io.capexwatch.ingest.edgar.FilingIndex;
import io.capexwatch.ingest.edgar.Submissions;
import io.capexwatch.ingest.repository.CompanyEntity;
import io.capexwatch.ingest.repository.FiledFactRepository;
import io.capexwatch.ingest.xbrl.FilingXbrl;
import io.capexwatch.ingest.xbrl.UnusableXbrlException;
import io.capexwatch.ingest.xbrl.XbrlParser;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.List;

/**
 * Fetches a periodic report's own XBRL from the EDGAR archive, through the same fair-access client as every
 * other EDGAR call: the filing index, then the extracted instance ({@code *_htm.xml}) or else the primary
 * document (inline XBRL), and stores it as {@code POST /api/imports} does. Never fails: the outcome says
 * whether the figures are stored, whether the archive has no such filing (404: EDGAR mirrors and stubs
 * that serve no archive), or why the fetch must be tried again on the next poll (a 503 after the client's
 * retries, a truncated or unreadable document).
 */
@ApplicationScoped
public class FilingXbrlFetcher {
    private static final Logger LOG = Logger.getLogger(FilingXbrlFetcher.class);

    /** What fetching a filing's XBRL came to. */
    public record Outcome(Kind kind, String detail) {
        public enum Kind { STORED, NOT_IN_ARCHIVE, RETRY }

        static final Outcome ALREADY_STORED = new Outcome(Kind.STORED, "stored before");
    }

    private final EdgarClient edgar;
    private final ImportService imports;
    private final PublicationService publication;
    private final FiledFactRepository filedFacts;
    private final ObjectMapper mapper;
    private final Vertx vertx;
    private final MeterRegistry metrics;
    private final XbrlParser parser = new XbrlParser();

    public FilingXbrlFetcher(EdgarClient edgar, ImportService imports, PublicationService publication,
                             FiledFactRepository filedFacts, ObjectMapper mapper, Vertx vertx, MeterRegistry metrics) {
        this.edgar = edgar;
        this.imports = imports;
        this.publication = publication;
        this.filedFacts = filedFacts;
        this.mapper = mapper;
        this.vertx = vertx;
        this.metrics = metrics;
    }

    public Uni<Outcome> fetchAndStore(CompanyEntity company, Submissions.Filing filing) {
        return filedFacts.hasFilingFrom(company.cik, filing.accession(), List.of(CompanyFacts.INSTANCE, CompanyFacts.INLINE))
                .chain(stored -> stored ? Uni.createFrom().item(Outcome.ALREADY_STORED) : fetch(company, filing));
    }

    private Uni<Outcome> fetch(CompanyEntity company, Submissions.Filing filing) {
        String folder = FilingIndex.folder(company.cik, filing.accession());
        return edgar.getArchive(folder + "index.json", "application/json")
                .chain(index -> vertx.executeBlocking(Uni.createFrom().item(() -> FilingIndex.parse(mapper, index.body()))))
                .chain(index -> {
                    String document = index.xbrlDocument(filing.primaryDocument()).orElse(null);
                    if (document == null) {
                        return Uni.createFrom().item(retry(company, filing, "the filing index lists neither an XBRL instance"
                                + " (*_htm.xml) nor the primary document" + (filing.primaryDocument().isEmpty() ? ""
                                : " " + filing.primaryDocument()), null));
                    }
                    return edgar.getArchive(folder + document, "application/xml, application/xhtml+xml, text/html")
                            .chain(response -> vertx.executeBlocking(Uni.createFrom().item(() -> FilingXbrl.read(parser,
                                    response.body(), new FilingXbrl.Filing(filing.accession(), filing.form(), filing.filed())))))
                            .chain(facts -> {
                                if (facts.cik() != company.cik) {
                                    throw new UnusableXbrlException(document + " is for CIK " + facts.cik(), List.of());
                                }
                                return imports.store(facts);
                            })
                            .call(publication::publish)
                            .map(result -> {
                                LOG.infof("EDGAR: %s %s %s: %s imported, %d new facts, %d values changed", company.ticker,
                                        filing.form(), filing.accession(), document, result.factsAdded(), result.valuesChanged());
                                return new Outcome(Outcome.Kind.STORED, document);
                            });
                })
                .onFailure().recoverWithItem(e -> e instanceof EdgarRequestException request && request.status() == 404
                        ? notInArchive(company, filing, e)
                        : retry(company, filing, e.getMessage(), e));
    }

    private Outcome notInArchive(CompanyEntity company, Submissions.Filing filing, Throwable e) {
        LOG.warnf("EDGAR: %s %s %s has no archive folder (%s); its figures come from companyfacts only",
                company.ticker, filing.form(), filing.accession(), e.getMessage());
        return new Outcome(Outcome.Kind.NOT_IN_ARCHIVE, e.getMessage());
    }

    private Outcome retry(CompanyEntity company, Submissions.Filing filing, String reason, Throwable e) {
        metrics.counter("capexwatch.edgar.filing_xbrl.failures").increment();
        LOG.warnf("EDGAR: %s %s %s: the filing's XBRL is not stored, tried again on the next poll: %s", company.ticker,
                filing.form(), filing.accession(), reason == null && e != null ? e.getClass().getSimpleName() : reason);
        return new Outcome(Outcome.Kind.RETRY, reason);
    }
}
