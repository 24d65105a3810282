package io.capexwatch.ingest.rest;

import io.capexwatch.ingest.Documents;
import io.capexwatch.ingest.StoredFacts;
import io.capexwatch.ingest.XbrlDocuments;
import io.capexwatch.localinfra.LocalInfraTestResource;
import io.capexwatch.localinfra.launch.CompanyFactsUploader;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@code ./capex-watch import DIR} (CompanyFactsUploader) with filings' own XBRL in the folder: the filing
 * from the file name or from a sidecar .properties, a file with neither refused without being sent.
 */
@QuarkusTest
class XbrlFolderImportTest {
    private static final long AMAZON = 1_018_724L;

    @TestHTTPResource("/")
    URI root;

    @Test
    void aFolderOfInstancesIsImportedWithTheFilingFromNameOrSidecar(@TempDir Path dir) throws IOException {
        long named = 9_120_001L;
        long sidecar = 9_120_002L;
        long neither = 9_120_003L;
        Documents.watch("XFNA", named);
        Documents.watch("XFSI", sidecar);
        Documents.watch("XFNO", neither);
        byte[] excerpt = XbrlDocuments.amazonQ3Excerpt();
        Files.write(dir.resolve(XbrlDocuments.AMAZON_Q3_EXCERPT), XbrlDocuments.as(excerpt, AMAZON, named));
        Files.write(dir.resolve("amzn-20250930_htm.xml"), XbrlDocuments.as(excerpt, AMAZON, sidecar));
        Files.writeString(dir.resolve("amzn-20250930_htm.xml.properties"),
                "accession=0001018724-25-000124\nfiled=2025-11-03\nform=10-Q/A\n");
        Files.write(dir.resolve("no-filing.xml"), XbrlDocuments.as(excerpt, AMAZON, neither));

        String url = root.toString().replaceAll("/$", "");
        int refused = new CompanyFactsUploader(url, LocalInfraTestResource.ADMIN.apiKey()).uploadFolder(dir);

        assertEquals(1, refused);
        StoredFacts.Row byName = proceeds(named);
        assertEquals(List.of("0001018724-25-000123", "2025-10-31", "10-Q"), List.of(byName.accession(), byName.filed(), byName.form()));
        StoredFacts.Row bySidecar = proceeds(sidecar);
        assertEquals(List.of("0001018724-25-000124", "2025-11-03", "10-Q/A"),
                List.of(bySidecar.accession(), bySidecar.filed(), bySidecar.form()));
        assertEquals(List.of(), StoredFacts.of(neither));
    }

    private static StoredFacts.Row proceeds(long cik) {
        List<StoredFacts.Row> rows = StoredFacts.of(cik, "amzn:ProceedsFromPropertyPlantAndEquipmentSalesAndIncentives");
        assertEquals(1, rows.size());
        assertEquals(0, new BigDecimal("4228000000").compareTo(rows.getFirst().value()));
        return rows.getFirst();
    }
}
