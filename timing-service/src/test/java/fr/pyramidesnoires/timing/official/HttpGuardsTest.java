package fr.pyramidesnoires.timing.official;

import static fr.pyramidesnoires.timing.official.OfficialPages.official;
import static fr.pyramidesnoires.timing.official.OfficialPages.ourOrigin;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What a page of another site can make a signed-in official's, volunteer's or device's client do here: nothing
 * that changes anything, and no framing; and the refusals for want of an account, as problems.
 */
@QuarkusTest
class HttpGuardsTest {

    static final String OTHER_SITE = "https://race-control.example.net";

    static RequestSpecification volunteer() {
        return given().auth().preemptive().basic("vol-est", "vol-est-secret");
    }

    static RequestSpecification device() {
        return given().auth().preemptive().basic("mat-r7", "device-secret");
    }

    @Test
    void anotherSitesPageChangesNothingEvenWithTheOfficialsPassword() {
        String forged = "forged-" + UUID.randomUUID();

        crossSite(official().header("Origin", OTHER_SITE).contentType(ContentType.JSON)
                .body(Map.of("status", "DNF", "reason", forged)).when().put("/api/races/55K/runners/1/status").then());
        crossSite(official().header("Origin", OTHER_SITE).contentType(ContentType.JSON)
                .body(Map.of("reason", forged)).when().post("/api/races/55K/runners/1/passages/finish/removal").then());
        // refused before the decision is even looked for
        crossSite(official().header("Origin", OTHER_SITE).contentType(ContentType.JSON)
                .body(Map.of("reason", forged)).when().post("/api/decisions/999999999/undo").then());
        crossSite(official().header("Origin", OTHER_SITE).contentType(ContentType.JSON)
                .body(Map.of("note", forged)).when().post("/api/quarantine/1/review").then());
        crossSite(volunteer().header("Origin", OTHER_SITE).contentType(ContentType.JSON)
                .body(List.of(Map.of("id", forged, "bib", 1, "time", "2027-03-20T11:05:12.000+01:00")))
                .when().post("/api/checkpoints/estevelles/passages").then());
        crossSite(device().header("Origin", OTHER_SITE).contentType(ContentType.JSON)
                .body(List.of(Map.of("matId", "M-ESTEVELLES", "chipId", forged,
                        "readTime", "2027-03-20T11:02:44.900+01:00")))
                .when().post("/api/devices/reads").then());

        official().when().get("/api/decisions").then().statusCode(200).body("reason", not(hasItem(forged)));
    }

    static void crossSite(ValidatableResponse refused) {
        refused.statusCode(403).contentType("application/problem+json").body("type", containsString("cross-site"));
    }

    @Test
    void ourOwnPagesAndClientsThatAreNotBrowsersStillRecord() {
        volunteer().header("Origin", ourOrigin()).contentType(ContentType.JSON).body(List.of())
                .when().post("/api/checkpoints/estevelles/passages").then().statusCode(200);
        device().contentType(ContentType.JSON).body(List.of()).when().post("/api/devices/reads")
                .then().statusCode(200).body("accepted", equalTo(0));
    }

    @Test
    void aJsonEndpointTakesABodyOnlyWhenItSaysItIsJson() throws Exception {
        String read = "[{\"matId\": \"M-ESTEVELLES\", \"chipId\": \"CHIP-NO-TYPE\","
                + " \"readTime\": \"2027-03-20T11:02:44.900+01:00\"}]";
        HttpResponse<String> reads = withoutContentType("POST", "/api/devices/reads", read, "mat-r7:device-secret");
        assertEquals(415, reads.statusCode(), reads.body());
        assertEquals("application/problem+json", reads.headers().firstValue("Content-Type").orElseThrow());
        assertTrue(reads.body().contains("unsupported-media-type"), reads.body());
        HttpResponse<String> passages = withoutContentType("POST", "/api/checkpoints/estevelles/passages",
                "[{\"id\": \"no-type\", \"bib\": 1, \"time\": \"2027-03-20T11:05:12.000+01:00\"}]",
                "vol-est:vol-est-secret");
        assertEquals(415, passages.statusCode(), passages.body());
        HttpResponse<String> status = withoutContentType("PUT", "/api/races/55K/runners/1/status",
                "{\"status\": \"DNS\", \"reason\": \"no type\"}", "judge:judge-secret");
        assertEquals(415, status.statusCode(), status.body());

        unsupported(device().contentType(ContentType.TEXT).body(read).when().post("/api/devices/reads").then());
        unsupported(official().contentType(ContentType.TEXT).body("{\"reason\": \"plain text\"}")
                .when().post("/api/decisions/1/undo").then());
        unsupported(official().contentType(ContentType.TEXT).body("{\"note\": \"plain text\"}")
                .when().post("/api/quarantine/1/review").then());
    }

    static void unsupported(ValidatableResponse refused) {
        refused.statusCode(415).contentType("application/problem+json")
                .body("type", containsString("unsupported-media-type"))
                .body("title", equalTo("Type de contenu non pris en charge / Unsupported media type"));
    }

    /** What a page of another site can send without asking first, and REST Assured cannot: no Content-Type. */
    static HttpResponse<String> withoutContentType(String method, String path, String body, String account)
            throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(ourOrigin() + path))
                .method(method, HttpRequest.BodyPublishers.ofString(body))
                .header("Authorization", "Basic "
                        + Base64.getEncoder().encodeToString(account.getBytes(StandardCharsets.UTF_8)))
                .build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void noPageOrAnswerMayBeFramed() {
        framingForbidden(official().accept(ContentType.HTML).when().get("/race-control").then().statusCode(200));
        framingForbidden(volunteer().accept(ContentType.HTML).when().get("/checkpoint").then().statusCode(200));
        framingForbidden(official().when().get("/api/mats").then().statusCode(200));
        framingForbidden(given().when().get("/api/mats").then().statusCode(401));
    }

    static void framingForbidden(ValidatableResponse answer) {
        answer.header("X-Frame-Options", "DENY").header("Content-Security-Policy", "frame-ancestors 'none'");
    }

    @Test
    void refusalsForWantOfAnAccountAreProblems() {
        given().when().get("/api/mats").then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", startsWith("Basic"))
                .body("type", containsString("unauthenticated"))
                .body("title", equalTo("Identification requise / Sign-in required"));
        given().auth().preemptive().basic("nobody-" + UUID.randomUUID(), "judge-secret")
                .when().get("/api/decisions").then().statusCode(401).contentType("application/problem+json");
        volunteer().when().get("/api/mats").then().statusCode(403).contentType("application/problem+json")
                .body("type", containsString("forbidden")).body("title", equalTo("Accès refusé / Forbidden"));
        // an official's browser on a page it may not see gets a page it can read
        volunteer().accept(ContentType.HTML).when().get("/race-control").then().statusCode(403)
                .contentType(containsString("text/html")).body(containsString("Accès refusé / Forbidden"));
    }

    @Test
    void anUnexpectedFailureIsAProblemWithoutItsStackTrace() {
        given().when().get("/test-only/failure").then().statusCode(500).contentType("application/problem+json")
                .body("title", equalTo("Erreur du serveur / Server error"))
                .body(not(containsString("IllegalStateException")), not(containsString("at fr.")));
    }
}
