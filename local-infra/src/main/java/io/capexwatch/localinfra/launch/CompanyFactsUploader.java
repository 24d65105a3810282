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
 * Imports a folder of companyfacts documents through earnings-ingest's {@code POST /api/imports}: the same
 * pipeline as live polling, for air-gapped clusters and back-fills.
 */
public final class CompanyFactsUploader {
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final String ingestUrl;

    public CompanyFactsUploader(String ingestUrl) {
        this.ingestUrl = ingestUrl;
    }

    /** @return the number of documents the service refused */
    public int uploadFolder(Path dir) {
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + dir, e);
        }
        int refused = 0;
        for (Path file : files) {
            HttpResponse<String> response = upload(file);
            System.out.println("import " + file.getFileName() + ": HTTP " + response.statusCode() + " " + response.body());
            if (response.statusCode() != 200) {
                refused++;
            }
        }
        return refused;
    }

    private HttpResponse<String> upload(Path file) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(ingestUrl + "/api/imports"))
                    .header("Content-Type", "application/json")
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

    /** {@code ./capex-watch import DIR [INGEST_URL]}: exits 1 if any document was refused. */
    public static void main(String[] args) {
        if (args.length < 1) {
            System.err.println("usage: ./capex-watch import DIR [INGEST_URL (default http://127.0.0.1:8081)]");
            System.exit(2);
        }
        String url = args.length > 1 ? args[1] : "http://127.0.0.1:8081";
        int refused = new CompanyFactsUploader(url).uploadFolder(Path.of(args[0]));
        System.exit(refused == 0 ? 0 : 1);
    }
}
