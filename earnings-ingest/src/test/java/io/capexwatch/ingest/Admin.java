package io.capexwatch.ingest;

import io.capexwatch.localinfra.LocalInfraTestResource;
import io.restassured.specification.RequestSpecification;

import static io.restassured.RestAssured.given;

/** Requests with the test JVM's admin API key (writes need the admin role). */
public final class Admin {
    private Admin() {
    }

    public static RequestSpecification asAdmin() {
        return given().header("X-API-Key", LocalInfraTestResource.ADMIN.apiKey());
    }
}
