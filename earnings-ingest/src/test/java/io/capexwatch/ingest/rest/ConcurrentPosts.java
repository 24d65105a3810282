package io.capexwatch.ingest.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.capexwatch.ingest.Documents;
import io.capexwatch.localinfra.LocalInfraTestResource;
import io.restassured.RestAssured;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The same body posted n times at once as admin (real HTTP, in parallel); every answer must be a 200. */
final class ConcurrentPosts {
    record Answer(int status, String body) {
        JsonNode json() {
            return Documents.read(body);
        }
    }

    private ConcurrentPosts() {
    }

    static List<Answer> send(int n, String pathAndQuery, String contentType, byte[] body) {
        URI uri = URI.create(RestAssured.baseURI + ":" + RestAssured.port + pathAndQuery);
        HttpClient http = HttpClient.newHttpClient();
        List<CompletableFuture<HttpResponse<String>>> pending = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            pending.add(http.sendAsync(HttpRequest.newBuilder(uri)
                    .header("Content-Type", contentType)
                    .header("X-API-Key", LocalInfraTestResource.ADMIN.apiKey())
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString()));
        }
        List<Answer> answers = new ArrayList<>();
        for (CompletableFuture<HttpResponse<String>> answer : pending) {
            HttpResponse<String> response = answer.join();
            assertEquals(200, response.statusCode(), response.body());
            answers.add(new Answer(response.statusCode(), response.body()));
        }
        return answers;
    }
}
