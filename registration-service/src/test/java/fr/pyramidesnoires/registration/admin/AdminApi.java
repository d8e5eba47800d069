package fr.pyramidesnoires.registration.admin;

import static io.restassured.RestAssured.given;

import fr.pyramidesnoires.registration.entry.Entry;
import fr.pyramidesnoires.registration.entry.RegistrationTest;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** What the organiser tests share: the test organiser (see %test config), runners, and races emptied. */
final class AdminApi {

    private AdminApi() {
    }

    static RequestSpecification asOrganiser() {
        return given().auth().preemptive().basic("organiser", "organiser-secret");
    }

    static void empty(String... races) {
        QuarkusTransaction.requiringNew().run(() -> Entry.delete("raceCode in ?1", List.of(races)));
    }

    /** A runner with a licence, born 1990 (M0 in season 2027) unless the extra fields say otherwise. */
    static Map<String, Object> runner(String race, String lastName, String sex, Map<String, Object> extra) {
        Map<String, Object> body = new HashMap<>(Map.of("firstName", "Alex", "lastName", lastName, "sex", sex,
                "birthDate", "1990-05-14", "raceCode", race, "nationality", "FRA", "club", "AC Oignies",
                "email", "alex@example.org", "phone", "+33 6 12 34 56 78", "licenceNumber",
                RegistrationTest.uniqueLicence()));
        body.putAll(extra);
        return body;
    }

    static JsonPath register(String race, String lastName, String sex, Map<String, Object> extra) {
        return given().contentType(ContentType.JSON).body(runner(race, lastName, sex, extra))
                .when().post("/api/entries")
                .then().statusCode(201).extract().jsonPath();
    }

    static JsonPath register(String race, String lastName) {
        return register(race, lastName, "F", Map.of());
    }
}
