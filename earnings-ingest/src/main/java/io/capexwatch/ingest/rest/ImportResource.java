package io.capexwatch.ingest.rest;

import io.capexwatch.contracts.security.ApiKeyIdentityProvider;
import io.capexwatch.ingest.edgar.CompanyFactsParser;
import io.capexwatch.ingest.service.Definitions;
import io.capexwatch.ingest.service.ImportResult;
import io.capexwatch.ingest.service.ImportService;
import io.capexwatch.ingest.service.PublicationService;
import io.capexwatch.ingest.xbrl.FilingXbrl;
import io.capexwatch.ingest.xbrl.XbrlParser;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import java.io.ByteArrayInputStream;

@Path("/api/imports")
public class ImportResource {
    private final Vertx vertx;
    private final BodySizeLimit limit;
    private final ImportService imports;
    private final PublicationService publication;
    private final CompanyFactsParser parser;
    private final XbrlParser xbrl = new XbrlParser();

    public ImportResource(Vertx vertx, BodySizeLimit limit, ImportService imports, PublicationService publication,
                          Definitions definitions) {
        this.parser = new CompanyFactsParser(definitions.companyFactsConcepts());
        this.vertx = vertx;
        this.limit = limit;
        this.imports = imports;
        this.publication = publication;
    }

    @POST
    @RolesAllowed(ApiKeyIdentityProvider.ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Import an EDGAR companyfacts document",
            description = "The body is a data.sec.gov/api/xbrl/companyfacts/CIK##########.json document. Its "
                    + "discrete quarters are stored in one transaction and then published (the answer does not wait for "
                    + "Kafka); importing the same "
                    + "document again changes and publishes nothing. The body may be sent with "
                    + "Content-Encoding: gzip; the size limit applies to the decompressed bytes. A fact with "
                    + "impossible dates (end before start, fiscal year before 1993) is left out and named in "
                    + "warnings; fractional dollars are kept as filed and the quarter rounded and flagged "
                    + "FRACTIONAL_USD_ROUNDED; a negative amount that is never negative (capex) is kept and "
                    + "flagged NEGATIVE_REPORTED_VALUE.")
    @APIResponse(responseCode = "200", description = "Stored; valuesChanged says how much was new")
    @APIResponse(responseCode = "400", description = "Malformed or wrongly shaped document (duplicate keys, "
            + "nesting deeper than 1000, invalid gzip included); nothing stored")
    @APIResponse(responseCode = "401", description = "No or invalid admin credentials")
    @APIResponse(responseCode = "403", description = "Authenticated without the admin role")
    @APIResponse(responseCode = "413", description = "Body over the import size limit; nothing stored")
    @APIResponse(responseCode = "415", description = "A Content-Encoding other than gzip")
    @APIResponse(responseCode = "422", description = "The company is not on the watchlist, or an amount of "
            + "10^15 USD or more (no filing holds one) or with more than 4 decimals; nothing stored")
    public Uni<ImportResult> importCompanyFacts(byte[] body, @HeaderParam(HttpHeaders.CONTENT_ENCODING) String encoding) {
        // Decompressing and parsing a multi-MB document is CPU work: it runs on a worker and resumes on this
        // request's context.
        return vertx.executeBlocking(Uni.createFrom().item(() ->
                        parser.parse(new ByteArrayInputStream(RequestBodies.decode(body, encoding, limit)))))
                .chain(imports::store)
                // Committed: the answer does not wait for Kafka. The outbox publishes in the background (and
                // logs, counts and leaves to its sweep whatever fails).
                .invoke(result -> publication.publish(result).subscribe().with(ignored -> { }));
    }

    @POST
    @RolesAllowed(ApiKeyIdentityProvider.ADMIN)
    @Consumes({MediaType.APPLICATION_XML, MediaType.TEXT_XML, MediaType.APPLICATION_XHTML_XML, MediaType.TEXT_HTML})
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Import one filing's own XBRL: an instance or an inline XBRL document",
            description = "The body is the filing's extracted XBRL 2.1 instance (the *_htm.xml EDGAR keeps beside "
                    + "the filing; application/xml) or its inline XBRL primary document (application/xhtml+xml or "
                    + "text/html). accession (e.g. 0001018724-25-000123) and filed (the filing date, YYYY-MM-DD) are "
                    + "required, as the document carries neither; form (10-Q, 10-K, 10-Q/A ...) defaults to "
                    + "dei:DocumentType (with /A when dei:AmendmentFlag is true). Every USD fact is stored with its "
                    + "concept (extension prefix included, e.g. amzn:...), dimensions, accession, form and filing "
                    + "date beside the companyfacts facts; the quarters are derived again from both. A fact that "
                    + "companyfacts already gave for the same filing with another value is kept as stored, flagged "
                    + "and named in warnings (SOURCE_DISAGREEMENT). Content-Encoding: gzip is accepted.")
    @APIResponse(responseCode = "200", description = "Stored; valuesChanged says how much was new")
    @APIResponse(responseCode = "400", description = "Missing or malformed accession or filed; a document that is not "
            + "well-formed XML, is truncated, declares a DTD or entities, or breaks the parser's limits; nothing stored")
    @APIResponse(responseCode = "401", description = "No or invalid admin credentials")
    @APIResponse(responseCode = "413", description = "Body over the import size limit; nothing stored")
    @APIResponse(responseCode = "422", description = "A well-formed document that cannot be used: no CIK context, no form, "
            + "a fact reported twice with disagreeing values, an implausible amount, or a company not on the watchlist; "
            + "nothing stored")
    public Uni<ImportResult> importFilingXbrl(byte[] body, @HeaderParam(HttpHeaders.CONTENT_ENCODING) String encoding,
                                             @QueryParam("accession") String accession, @QueryParam("form") String form,
                                             @QueryParam("filed") String filed) {
        FilingXbrl.Filing filing = FilingParameters.of(accession, form, filed);
        return vertx.executeBlocking(Uni.createFrom().item(() ->
                        FilingXbrl.read(xbrl, RequestBodies.decode(body, encoding, limit), filing)))
                .chain(imports::store)
                .invoke(result -> publication.publish(result).subscribe().with(ignored -> { }));
    }
}
