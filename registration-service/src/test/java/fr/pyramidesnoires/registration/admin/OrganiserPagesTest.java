package fr.pyramidesnoires.registration.admin;

import static fr.pyramidesnoires.registration.admin.AdminApi.asOrganiser;
import static fr.pyramidesnoires.registration.admin.AdminApi.register;
import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.pyramidesnoires.events.testing.Eventually;
import fr.pyramidesnoires.registration.entry.Entry;
import fr.pyramidesnoires.registration.entry.RegistrationTest;
import fr.pyramidesnoires.registration.entry.EntryStatus;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import jakarta.persistence.LockModeType;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Races ADMIN-P (2 places) and ADMIN-Q (1 place) of the test races file. */
@QuarkusTest
class OrganiserPagesTest {

    /** The licence of this test's runner: a licence number is one active entry's only. */
    private final String licence = RegistrationTest.uniqueLicence();

    @BeforeEach
    void emptyTheRaces() {
        AdminApi.empty("ADMIN-P", "ADMIN-Q");
    }

    static String ourOrigin() {
        return RestAssured.baseURI + ":" + RestAssured.port;
    }

    static ValidatableResponse postForm(String path, Map<String, String> form, String origin) {
        return asOrganiser().header("Origin", origin).contentType(ContentType.URLENC).formParams(form)
                .redirects().follow(false)
                .when().post(path).then();
    }

    static String page(String path) {
        // runners' private details must not stay in a shared race-desk browser's cache
        return asOrganiser().accept(ContentType.HTML).when().get(path)
                .then().statusCode(200).contentType(containsString("text/html")).header("Cache-Control", "no-store")
                .extract().asString();
    }

    @Test
    void aBrowserWithoutAnAccountIsAskedForOne() {
        given().accept("text/html,application/xhtml+xml").when().get("/admin")
                .then().statusCode(401)
                .header("WWW-Authenticate", containsString("Basic"))
                .contentType(containsString("text/html"))
                .body(containsString("Identification requise / Sign-in required"));
    }

    @Test
    void theDashboardShowsHowFullEachRaceIs() {
        register("ADMIN-P", "Un");
        register("ADMIN-P", "Deux");
        register("ADMIN-P", "Trois");

        String dashboard = page("/admin");

        assertThat(dashboard, allOf(
                containsString("<a href=\"/admin/entries?race=ADMIN-P\">ADMIN-P</a>"),
                containsString("<meter min=\"0\" max=\"1\" value=\"1.0\">1.0</meter> 100 %"),
                containsString("<a href=\"/admin/entries?race=ADMIN-P&status=WAITLISTED\">1</a>"),
                containsString("href=\"/api/admin/races/ADMIN-P/start-list.csv\"")));
    }

    @Test
    void anOrganiserFindsAnEntryChecksItsDocumentsAndMovesIt() {
        String lastName = "Cherche-" + UUID.randomUUID().toString().substring(0, 6);
        JsonPath entry = register("ADMIN-P", lastName, "F", Map.of("licenceNumber", licence));
        String id = entry.getString("id");

        assertThat(page("/admin/entries?name=" + lastName.substring(0, 10).toLowerCase()
                        + "&bib=&club=&race=ADMIN-P&status=&documentsChecked=false"),
                allOf(containsString("1 inscrit(s)"), containsString("<a href=\"/admin/entries/" + id + "\">"
                        + lastName.toUpperCase() + " Alex</a>"), containsString("à vérifier")));
        // the organiser sees what the public never does
        assertThat(page("/admin/entries/" + id),
                allOf(containsString("alex@example.org"), containsString("+33 6 12 34 56 78"),
                        containsString("1990-05-14"), containsString("licence FFA " + licence)));

        // behind a proxy that speaks TLS to the browser, the page came from https: the same host and port
        postForm("/admin/entries/" + id + "/documents-check", Map.of("checked", "true"),
                ourOrigin().replace("http://", "https://"))
                .statusCode(303).header("Location", endsWith("/admin/entries/" + id + "?done=checked"));
        assertThat(page("/admin/entries/" + id + "?done=checked"),
                allOf(containsString("Pièces marquées vérifiées"), containsString("checked by organiser")));

        postForm("/admin/entries/" + id + "/move", Map.of("raceCode", "ADMIN-Q"), ourOrigin())
                .statusCode(303).header("Location", endsWith("?done=moved"));
        assertThat(page("/admin/entries/" + id),
                allOf(containsString("— ADMIN-Q, dossard / bib 9951"), not(containsString("— ADMIN-P"))));
    }

    @Test
    void aRefusedMoveIsExplainedOnThePage() {
        register("ADMIN-Q", "Occupe");
        String id = register("ADMIN-P", "Bloque").getString("id");

        postForm("/admin/entries/" + id + "/move", Map.of("raceCode", "ADMIN-Q"), ourOrigin())
                .statusCode(409).contentType(containsString("text/html"))
                .body(allOf(containsString("role=\"alert\""), containsString("ADMIN-Q est complet (1 places)")));
    }

    /** Every field of the correction form, as a browser sends it once the organiser has changed some. */
    Map<String, String> correction(String loaded, Map<String, String> changed) {
        Map<String, String> form = new HashMap<>(Map.ofEntries(Map.entry("firstName", "Alex"),
                Map.entry("lastName", "Corrige"), Map.entry("sex", "F"), Map.entry("birthDate", "1990-05-14"),
                Map.entry("nationality", "FRA"), Map.entry("club", "AC Oignies"), Map.entry("publishName", "true"),
                Map.entry("email", "alex@example.org"), Map.entry("phone", "+33 6 12 34 56 78"),
                Map.entry("emergencyContactName", ""), Map.entry("emergencyContactPhone", ""),
                Map.entry("licenceNumber", licence), Map.entry("ppsNumber", ""), Map.entry("ppsDate", ""),
                Map.entry("loaded", loaded)));
        form.putAll(changed);
        return form;
    }

    /** The fingerprint a form page carries of what it was loaded with. */
    static String loaded(String page) {
        Matcher loaded = Pattern.compile("name=\"loaded\" value=\"([^\"]+)\"").matcher(page);
        if (!loaded.find()) {
            throw new AssertionError("no fingerprint in the form");
        }
        return loaded.group(1);
    }

    @Test
    void anOrganiserCorrectsAnEntryAndABadCorrectionKeepsWhatWasTyped() {
        String id = register("ADMIN-P", "Corrige", "F", Map.of("licenceNumber", licence)).getString("id");
        String form = page("/admin/entries/" + id);
        assertThat(form, allOf(containsString("value=\"Corrige\""), containsString("<option value=\"F\" selected>"),
                containsString("value=\"" + licence + "\"")));

        postForm("/admin/entries/" + id + "/correction", correction(loaded(form), Map.of("lastName", "Corrigé-Dupont",
                "club", "Running Club Lens", "emergencyContactName", "Sam Dupont")), ourOrigin())
                .statusCode(303).header("Location", endsWith("?done=corrected"));
        form = page("/admin/entries/" + id + "?done=corrected");
        assertThat(form, allOf(containsString("Inscription corrigée"), containsString("CORRIGÉ-DUPONT Alex"),
                containsString("<dd>Running Club Lens</dd>"), containsString("value=\"Sam Dupont\"")));

        postForm("/admin/entries/" + id + "/correction", correction(loaded(form), Map.of("firstName", " ",
                "birthDate", "1990-05-14", "club", "Club tapé / typed club")), ourOrigin())
                .statusCode(400).contentType(containsString("text/html"))
                .body(allOf(containsString("role=\"alert\""), containsString("firstName : "),
                        containsString("value=\"Club tapé / typed club\"")));
        postForm("/admin/entries/" + id + "/correction", correction(loaded(form), Map.of("birthDate", "14/05/1990")),
                ourOrigin()).statusCode(400).body(containsString("Naissance / Birth date : date AAAA-MM-JJ"));
        assertThat(page("/admin/entries/" + id), allOf(containsString("<dd>Running Club Lens</dd>"),
                not(containsString("Club tapé"))));
    }

    @Test
    void aFormOpenedBeforeAnotherChangeDoesNotUndoIt() {
        String id = register("ADMIN-P", "Corrige", "F", Map.of("licenceNumber", licence)).getString("id");
        String stale = loaded(page("/admin/entries/" + id));
        // meanwhile another organiser corrects the club through the API
        asOrganiser().contentType(ContentType.JSON).body(Map.of("club", "Club de l'API"))
                .when().patch("/api/admin/entries/" + id).then().statusCode(200);

        String shown = postForm("/admin/entries/" + id + "/correction", correction(stale,
                Map.of("emergencyContactName", "Sam Dupont")), ourOrigin())
                .statusCode(409).body(allOf(containsString("Modifiée entre-temps"),
                        containsString("<dd>Club de l&#39;API</dd>"), containsString("value=\"Sam Dupont\"")))
                .extract().asString();
        assertThat(page("/admin/entries/" + id), not(containsString("value=\"Sam Dupont\"")));

        // saved again from the page that showed the change, it is the organiser's choice
        postForm("/admin/entries/" + id + "/correction", correction(loaded(shown),
                Map.of("club", "Club de l'API", "emergencyContactName", "Sam Dupont")), ourOrigin())
                .statusCode(303);
        assertThat(page("/admin/entries/" + id), allOf(containsString("value=\"Sam Dupont\""),
                containsString("<dd>Club de l&#39;API</dd>")));
    }

    @Test
    void aChangeCommittingWhileTheFormIsSavedIsNotUndoneEither() throws Exception {
        String id = register("ADMIN-P", "Corrige", "F", Map.of("licenceNumber", licence)).getString("id");
        String loaded = loaded(page("/admin/entries/" + id));
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch formWaits = new CountDownLatch(1);
        // another organiser's change holds the entry while this form is saved, and commits once the form waits for it
        Thread other = new Thread(() -> QuarkusTransaction.requiringNew().run(() -> {
            Entry.byId(UUID.fromString(id), LockModeType.PESSIMISTIC_WRITE).club = "Club d'à côté";
            locked.countDown();
            try {
                formWaits.await(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        other.start();
        assertTrue(locked.await(10, TimeUnit.SECONDS));
        CompletableFuture<ValidatableResponse> form = CompletableFuture.supplyAsync(() -> postForm(
                "/admin/entries/" + id + "/correction", correction(loaded, Map.of("emergencyContactName", "Sam")),
                ourOrigin()));
        awaitASessionWaitingForALock();
        formWaits.countDown();
        other.join();

        form.get(20, TimeUnit.SECONDS).statusCode(409).body(containsString("Modifiée entre-temps"));
        assertThat(page("/admin/entries/" + id), allOf(containsString("<dd>Club d&#39;à côté</dd>"),
                not(containsString("value=\"Sam\""))));
    }

    /** Until a database session of the service waits for a row lock: the form's, here. */
    private static void awaitASessionWaitingForALock() {
        Eventually.until(() -> QuarkusTransaction.requiringNew().call(() -> ((Number) Entry.getEntityManager()
                .createNativeQuery("SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'"
                        + " AND datname = current_database()").getSingleResult()).intValue() > 0),
                Duration.ofSeconds(20), "The form never waited for the entry's lock");
    }

    @Test
    void anOrganiserSetsARacesKmEffortLimitsAsTheyReadThem() {
        AdminApi.empty("ADMIN-S");
        String form = page("/admin/races/ADMIN-S");
        assertThat(form, containsString("JU 25, MI 10"));
        postForm("/admin/races/ADMIN-S/settings", Map.of("capacity", "1", "kmEffortLimits", "ju 30 ; CA: 12,5",
                "loaded", loaded(form)), ourOrigin()).statusCode(303);
        form = page("/admin/races/ADMIN-S");
        assertThat(form, containsString("name=\"kmEffortLimits\" value=\"CA 12.5, JU 30\""));
        Map<String, Float> limits = asOrganiser().when().get("/api/admin/races").then().extract().jsonPath()
                .getMap("find { it.code == 'ADMIN-S' }.settings.kmEffortLimits");
        assertEquals(Map.of("CA", 12.5f, "JU", 30f), limits);

        postForm("/admin/races/ADMIN-S/settings", Map.of("capacity", "1", "kmEffortLimits", "JU trente",
                "loaded", loaded(form)), ourOrigin()).statusCode(400)
                .body(allOf(containsString("Limites km-effort : une catégorie et son nombre"),
                        containsString("value=\"JU trente\"")));
        postForm("/admin/races/ADMIN-S/settings", Map.of("capacity", "1", "kmEffortLimits", "XY 10",
                "loaded", loaded(form)), ourOrigin()).statusCode(422).body(containsString("Aucune catégorie XY"));

        // emptied, the race takes the defaults again
        postForm("/admin/races/ADMIN-S/settings", Map.of("capacity", "1", "kmEffortLimits", "",
                "loaded", loaded(form)), ourOrigin()).statusCode(303);
        assertThat(page("/admin/races/ADMIN-S"), containsString("name=\"kmEffortLimits\" value=\"\""));
    }

    @Test
    void anOrganiserAddsAPlaceAndClosesEntriesInTheEventsTime() {
        AdminApi.empty("ADMIN-S");
        asOrganiser().contentType(ContentType.JSON).body(Map.of("capacity", 1, "medicalCertificateAllowed", true))
                .when().put("/api/admin/races/ADMIN-S/settings").then().statusCode(200);
        register("ADMIN-S", "Premier");
        String waiting = register("ADMIN-S", "Second").getString("id");
        String form = page("/admin/races/ADMIN-S");
        assertThat(form, containsString("id=\"capacity\" name=\"capacity\" inputmode=\"numeric\" value=\"1\""));

        // 1 March 2027, 23:59 in Oignies is 22:59 UTC
        postForm("/admin/races/ADMIN-S/settings", Map.of("capacity", "2", "entriesOpen", "",
                "entriesClose", "2027-03-01T23:59", "fee", "12,50", "medicalCertificateAllowed", "true",
                "loaded", loaded(form)), ourOrigin())
                .statusCode(303).header("Location", endsWith("/admin/races/ADMIN-S?done=changed"));
        form = page("/admin/races/ADMIN-S?done=changed");
        assertThat(form, allOf(containsString("Réglages enregistrés"), containsString("value=\"2027-03-01T23:59\""),
                containsString("value=\"12.50\"")));
        JsonPath settings = asOrganiser().when().get("/api/admin/races").then().extract().jsonPath()
                .setRootPath("find { it.code == 'ADMIN-S' }.settings");
        assertEquals(2, settings.getInt("capacity"));
        assertEquals(Instant.parse("2027-03-01T22:59:00Z"),
                OffsetDateTime.parse(settings.getString("entriesClose")).toInstant());
        // the added place went to the runner who waited
        assertEquals(EntryStatus.CONFIRMED, QuarkusTransaction.requiringNew().call(() ->
                Entry.<Entry>findById(UUID.fromString(waiting)).status));

        postForm("/admin/races/ADMIN-S/settings", Map.of("capacity", "1", "entriesClose", "2027-03-01T23:59",
                "loaded", loaded(form)), ourOrigin()).statusCode(409).contentType(containsString("text/html"))
                .body(allOf(containsString("ADMIN-S a 2 places confirmées ou réservées"),
                        containsString("inputmode=\"numeric\" value=\"1\"")));
        postForm("/admin/races/ADMIN-S/settings", Map.of("capacity", "deux", "loaded", loaded(form)), ourOrigin())
                .statusCode(400).body(allOf(containsString("Places : un nombre entier"),
                        not(containsString("capacity : "))));
        // a form opened before that change would put the old fee and window back
        postForm("/admin/races/ADMIN-S/settings", Map.of("capacity", "3", "loaded", "before"), ourOrigin())
                .statusCode(409).body(containsString("Modifiée entre-temps"));
        postForm("/admin/races/ADMIN-S/settings", Map.of("capacity", "9", "loaded", loaded(form)),
                "https://evil.example").statusCode(403);
        assertEquals(2, asOrganiser().when().get("/api/admin/races").then().extract().jsonPath()
                .getInt("find { it.code == 'ADMIN-S' }.settings.capacity"));
    }

    @Test
    void aChangeSentFromAnotherSiteIsRefused() {
        String id = register("ADMIN-P", "Visee").getString("id");

        postForm("/admin/entries/" + id + "/documents-check", Map.of("checked", "true"), "https://evil.example")
                .statusCode(403);
        assertNull(documentsCheckedAt(UUID.fromString(id)), "nothing changed");
    }

    static Object documentsCheckedAt(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> Entry.<Entry>findById(id).documentsCheckedAt);
    }
}
