package fr.pyramidesnoires.registration.admin;

import static fr.pyramidesnoires.registration.admin.AdminApi.asOrganiser;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What a page of another site can make a signed-in organiser's (or a runner's) browser do here: nothing that
 * changes anything, and no framing; and how the service answers what it cannot take.
 */
@QuarkusTest
class HttpGuardsTest {

    static final String OTHER_SITE = "https://pyramides-noires.example.net";

    @BeforeEach
    void emptyRaces() {
        AdminApi.empty("ADMIN-P", "ADMIN-Q");
    }

    static JsonPath registerOne() {
        String licence = String.valueOf(ThreadLocalRandom.current().nextInt(1_000_000, 9_999_999));
        return AdminApi.register("ADMIN-P", "Garde-" + UUID.randomUUID().toString().substring(0, 6), "F",
                Map.of("licenceNumber", licence));
    }

    static String ourOrigin() {
        return RestAssured.baseURI + ":" + RestAssured.port;
    }

    @Test
    void anotherSitesPageChangesNothingEvenWithTheOrganisersPassword() {
        JsonPath entry = registerOne();
        String id = entry.getString("id");

        crossSite(asOrganiser().header("Origin", OTHER_SITE).contentType(ContentType.JSON)
                .body(Map.of("club", "Club forgé")).when().patch("/api/admin/entries/" + id).then());
        crossSite(asOrganiser().header("Origin", OTHER_SITE).contentType(ContentType.JSON)
                .body(Map.of("raceCode", "ADMIN-Q")).when().post("/api/admin/entries/" + id + "/move").then());
        crossSite(asOrganiser().header("Origin", OTHER_SITE)
                .when().put("/api/admin/entries/" + id + "/documents-check").then());
        crossSite(asOrganiser().header("Origin", "null")
                .when().put("/api/admin/entries/" + id + "/documents-check").then());
        crossSite(asOrganiser().header("Origin", OTHER_SITE)
                .when().delete("/api/admin/entries/" + id + "/documents-check").then());
        // a runner's private link needs no password, only the token, which a page of another site may have seen
        crossSite(given().header("Origin", OTHER_SITE)
                .when().post("/api/entries/by-token/" + entry.getString("token") + "/cancellation").then());

        asOrganiser().when().get("/api/admin/entries/" + id).then().statusCode(200)
                .body("club", equalTo("AC Oignies")).body("raceCode", equalTo("ADMIN-P"))
                .body("status", equalTo("CONFIRMED")).body("documentsCheckedBy", nullValue());
    }

    static void crossSite(ValidatableResponse refused) {
        refused.statusCode(403).contentType("application/problem+json").body("type", containsString("cross-site"))
                .body("title", equalTo("Requête refusée / Request refused"));
    }

    @Test
    void ourOwnPagesAndClientsThatAreNotBrowsersStillChangeThings() {
        String id = registerOne().getString("id");

        asOrganiser().header("Origin", ourOrigin()).contentType(ContentType.JSON).body(Map.of("club", "Club du site"))
                .when().patch("/api/admin/entries/" + id).then().statusCode(200).body("club", equalTo("Club du site"));
        asOrganiser().contentType(ContentType.JSON).body(Map.of("club", "Club sans origine"))
                .when().patch("/api/admin/entries/" + id).then().statusCode(200);
        // the public address a proxy in front answers at (PUBLIC_URL) is this site too
        String publicUrl = ConfigProvider.getConfig().getValue("registration.public-url", String.class);
        asOrganiser().header("Origin", publicUrl).when().put("/api/admin/entries/" + id + "/documents-check")
                .then().statusCode(200);
        asOrganiser().when().get("/api/admin/entries/" + id).then()
                .body("club", equalTo("Club sans origine")).body("documentsCheckedBy", equalTo("organiser"));
    }

    @Test
    void aJsonEndpointTakesABodyOnlyWhenItSaysItIsJson() throws Exception {
        String id = registerOne().getString("id");
        String runner = "{\"firstName\": \"Alex\", \"lastName\": \"Sans-Type\", \"sex\": \"F\", \"birthDate\":"
                + " \"1990-05-14\", \"raceCode\": \"ADMIN-P\", \"nationality\": \"FRA\", \"email\": \"a@example.org\","
                + " \"licenceNumber\": \"7654321\"}";

        HttpResponse<String> untyped = withoutContentType("POST", "/api/entries", runner, null);
        assertEquals(415, untyped.statusCode(), untyped.body());
        assertEquals("application/problem+json", untyped.headers().firstValue("Content-Type").orElseThrow());
        assertTrue(untyped.body().contains("unsupported-media-type")
                && untyped.body().contains("Content-Type: application/json"), untyped.body());
        HttpResponse<String> patch = withoutContentType("PATCH", "/api/admin/entries/" + id,
                "{\"club\": \"Club sans type\"}", "organiser:organiser-secret");
        assertEquals(415, patch.statusCode(), patch.body());

        unsupported(given().contentType(ContentType.TEXT).body(runner).when().post("/api/entries").then());
        unsupported(asOrganiser().contentType(ContentType.TEXT).body("{\"raceCode\": \"ADMIN-Q\"}")
                .when().post("/api/admin/entries/" + id + "/move").then());
        unsupported(asOrganiser().contentType(ContentType.URLENC).formParam("capacity", "1")
                .when().put("/api/admin/races/ADMIN-P/settings").then());

        asOrganiser().when().get("/api/admin/entries/" + id).then()
                .body("club", equalTo("AC Oignies")).body("raceCode", equalTo("ADMIN-P"));
        asOrganiser().when().get("/api/admin/entries?race=ADMIN-P").then().body("total", equalTo(1));
    }

    static void unsupported(ValidatableResponse refused) {
        refused.statusCode(415).contentType("application/problem+json")
                .body("type", containsString("unsupported-media-type"))
                .body("title", equalTo("Type de contenu non pris en charge / Unsupported media type"));
    }

    /** What a page of another site can send without asking first, and REST Assured cannot: no Content-Type. */
    static HttpResponse<String> withoutContentType(String method, String path, String body, String account)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(ourOrigin() + path))
                .method(method, HttpRequest.BodyPublishers.ofString(body));
        if (account != null) {
            request.header("Authorization", "Basic "
                    + Base64.getEncoder().encodeToString(account.getBytes(StandardCharsets.UTF_8)));
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void noPageOrAnswerMayBeFramed() {
        framingForbidden(given().accept(ContentType.HTML).when().get("/").then().statusCode(200));
        framingForbidden(asOrganiser().accept(ContentType.HTML).when().get("/admin").then().statusCode(200));
        framingForbidden(given().when().get("/api/entries/by-token/no-such-token").then().statusCode(404));
        framingForbidden(given().when().get("/api/admin/entries").then().statusCode(401));
    }

    static void framingForbidden(ValidatableResponse answer) {
        answer.header("X-Frame-Options", "DENY").header("Content-Security-Policy", "frame-ancestors 'none'");
    }

    @Test
    void anUnreadableFieldIsExplainedInTheRunnersWordsNotJavas() {
        Map<String, Object> body = AdminApi.runner("ADMIN-P", "Date-Illisible", "F", Map.of("birthDate", "14/05/1990"));
        String detail = given().contentType(ContentType.JSON).body(body).when().post("/api/entries")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", containsString("unreadable-body"))
                .body("errors[0].field", equalTo("birthDate"))
                .body("detail", allOf(containsString("birthDate"), containsString("AAAA-MM-JJ"),
                        containsString("YYYY-MM-DD")))
                .extract().path("detail");
        noJavaIn(detail);

        body = AdminApi.runner("ADMIN-P", "Publication-Illisible", "F", Map.of("publishName", "peut-être"));
        noJavaIn(given().contentType(ContentType.JSON).body(body).when().post("/api/entries")
                .then().statusCode(400).body("detail", containsString("true ou false / publishName: must be true or"))
                .extract().path("detail"));
        noJavaIn(given().contentType(ContentType.JSON).body("[1, 2]").when().post("/api/entries")
                .then().statusCode(400).body("detail", containsString("objet JSON")).extract().path("detail"));
        noJavaIn(given().contentType(ContentType.JSON).body("{\"firstName\": ").when().post("/api/entries")
                .then().statusCode(400).body("detail", containsString("pas du JSON lisible")).extract().path("detail"));
    }

    static void noJavaIn(String detail) {
        assertTrue(!detail.contains("java") && !detail.contains("fr.pyramidesnoires")
                && !detail.contains("RegistrationRequest") && !detail.contains("LocalDate"), detail);
    }

    @Test
    void anAddressNothingServesIsAProblemOrAPage() {
        given().when().get("/nothing-here").then().statusCode(404).contentType("application/problem+json")
                .body("title", equalTo("Introuvable / Not found"));
        given().accept("text/html").when().get("/nothing-here").then().statusCode(404)
                .contentType(containsString("text/html")).body(containsString("Introuvable / Not found"));
    }

    @Test
    void anUnexpectedFailureIsAProblemWithoutItsStackTrace() {
        given().when().get("/test-only/failure").then().statusCode(500).contentType("application/problem+json")
                .body("title", equalTo("Erreur du serveur / Server error"))
                .body(not(containsString("IllegalStateException")), not(containsString("at fr.")));
    }
}
