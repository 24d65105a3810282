package io.capexwatch.localinfra.launch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

/**
 * Imports a folder of companyfacts documents ({@code *.json}) and filings' own XBRL (instances {@code *.xml},
 * inline XBRL {@code *.htm}, {@code *.html}, {@code *.xhtml}) through earnings-ingest's {@code POST /api/imports}:
 * the same pipeline as live polling, for air-gapped clusters and back-fills. A filing's accession and date
 * come from a sidecar {@code <file>.properties} ({@code accession=}, {@code filed=}, optional {@code form=}),
 * else from a file name that starts with them: {@code 0001018724-25-000123_2025-10-31_amzn-20250930_htm.xml}.
 */
public final class CompanyFactsUploader {
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final String ingestUrl;
    private final String apiKey;

    /** @param apiKey an admin API key (imports are writes) */
    public CompanyFactsUploader(String ingestUrl, String apiKey) {
        this.ingestUrl = ingestUrl;
        this.apiKey = apiKey;
    }

    /** @return the number of documents the service refused */
    public int uploadFolder(Path dir) {
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.filter(p -> p.toString().endsWith(".json") || XbrlFiling.isXbrl(p)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + dir, e);
        }
        int refused = 0;
        for (Path file : files) {
            String contentType = "application/json";
            String query = "";
            if (XbrlFiling.isXbrl(file)) {
                java.util.Optional<XbrlFiling> filing = XbrlFiling.of(file);
                if (filing.isEmpty()) {
                    System.out.println("import " + file.getFileName() + ": refused here, no accession and filing date:"
                            + " add " + file.getFileName() + ".properties (accession=, filed=) or name the file"
                            + " <accession>_<filed>_....");
                    refused++;
                    continue;
                }
                contentType = filing.get().contentType();
                query = filing.get().query();
            }
            HttpResponse<String> response = upload(file, contentType, query);
            System.out.println("import " + file.getFileName() + ": HTTP " + response.statusCode() + " " + response.body());
            if (response.statusCode() != 200) {
                refused++;
            }
        }
        return refused;
    }

    private HttpResponse<String> upload(Path file, String contentType, String query) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(ingestUrl + "/api/imports" + query))
                    .header("Content-Type", contentType)
                    .header("X-API-Key", apiKey)
                    .timeout(Duration.ofMinutes(2))
                    .POST(HttpRequest.BodyPublishers.ofFile(file))
                    .build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException("could not send " + file + " to " + ingestUrl, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * {@code ./capex-watch import DIR [INGEST_URL]}: exits 1 if any document was refused. The admin API key
     * comes from {@code CAPEXWATCH_API_KEY}, else from data/admin-api-key (written by {@code ./capex-watch up}).
     */
    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            System.err.println("usage: ./capex-watch import DIR [INGEST_URL (default http://127.0.0.1:8081)]");
            System.exit(2);
        }
        String url = args.length > 1 ? args[1] : "http://127.0.0.1:8081";
        String key = System.getenv("CAPEXWATCH_API_KEY");
        Path keyFile = Path.of(System.getenv().getOrDefault("CAPEXWATCH_DATA_DIR", "data"), "admin-api-key");
        if ((key == null || key.isBlank()) && Files.isReadable(keyFile)) {
            key = Files.readString(keyFile).trim();
        }
        if (key == null || key.isBlank()) {
            System.err.println("an admin API key is needed: set CAPEXWATCH_API_KEY (or run ./capex-watch up once, which writes data/admin-api-key)");
            System.exit(2);
        }
        int refused = new CompanyFactsUploader(url, key).uploadFolder(Path.of(args[0]));
        System.exit(refused == 0 ? 0 : 1);
    }
}
