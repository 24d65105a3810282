package io.capexwatch.ingest.rest;

import io.capexwatch.localinfra.LocalInfraTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;

/** Every write of earnings-ingest needs the admin role; reads stay open. */
@QuarkusTest
class WriteAuthorizationTest {

    /** Each write, with a body that passes authorization and then fails validation (400), changing nothing. */
    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
            "POST   | /api/imports         | []",
            "POST   | /api/companies       | {\"ticker\": \"\", \"cik\": 0}",
            "DELETE | /api/companies/NOPE  | ",
    })
    void writesNeedTheAdminRole(String method, String path, String body) {
        request(given(), body).request(method, path).then()
                .statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", is("Bearer"))
                .body("title", is("Unauthorized"));
        request(given().header("X-API-Key", "not-the-key"), body).request(method, path).then()
                .statusCode(401)
                .contentType("application/problem+json");
        request(given().auth().oauth2("not.a.jwt"), body).request(method, path).then()
                .statusCode(401)
                .contentType("application/problem+json");
        request(given().auth().oauth2(LocalInfraTestResource.ADMIN.jwt("analyst", List.of("analyst"))), body)
                .request(method, path).then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("detail", is("this operation needs the admin role"));
        request(given().header("X-API-Key", LocalInfraTestResource.READER_API_KEY), body).request(method, path).then()
                .statusCode(403)
                .contentType("application/problem+json");

        int authorized = method.equals("DELETE") ? 404 : 400;
        request(given().auth().oauth2(LocalInfraTestResource.ADMIN.jwt("ops", List.of("admin"))), body)
                .request(method, path).then().statusCode(authorized);
        request(given().header("X-API-Key", LocalInfraTestResource.ADMIN.apiKey()), body)
                .request(method, path).then().statusCode(authorized);
    }

    @ParameterizedTest
    @CsvSource({"/api/companies", "/api/companies/GOOGL/fundamentals", "/q/health/ready", "/q/openapi"})
    void readsAreOpen(String path) {
        given().get(path).then().statusCode(200);
    }

    private static RequestSpecification request(RequestSpecification spec, String body) {
        return body == null ? spec : spec.contentType(ContentType.JSON).body(body);
    }
}
