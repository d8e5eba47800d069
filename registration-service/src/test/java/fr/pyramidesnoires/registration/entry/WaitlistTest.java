package fr.pyramidesnoires.registration.entry;

import static fr.pyramidesnoires.registration.entry.RegistrationTest.uniqueLicence;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import fr.pyramidesnoires.events.EntryEvent;
import fr.pyramidesnoires.events.Topics;
import fr.pyramidesnoires.events.testing.TopicProbe;
import fr.pyramidesnoires.problem.Problem;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A race with 20 places (RUSH, in the test races file) and far more runners wanting them at once. */
@QuarkusTest
class WaitlistTest {

    @Inject
    Registrations registrations;

    @BeforeEach
    void emptyTheRace() {
        QuarkusTransaction.requiringNew().run(() -> Entry.delete("raceCode", "RUSH"));
    }

    static Map<String, Object> runner(int i) {
        Map<String, Object> body = new HashMap<>(Map.of("firstName", "Rush", "lastName", "Runner" + i, "sex", "H",
                "birthDate", "1985-01-01", "raceCode", "RUSH", "email", "rush@example.org",
                "licenceNumber", uniqueLicence()));
        return body;
    }

    static JsonPath register(Map<String, Object> body) {
        return given().contentType(ContentType.JSON).body(body).when().post("/api/entries")
                .then().statusCode(201).extract().jsonPath();
    }

    @Test
    void aRushNeverOverfillsTheRaceAndQueuesTheRestInOrder() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(24);
        List<Callable<JsonPath>> attempts = new ArrayList<>();
        IntStream.range(0, 60).forEach(i -> attempts.add(() -> register(runner(i))));
        List<JsonPath> answers = new ArrayList<>();
        for (Future<JsonPath> answer : pool.invokeAll(attempts)) {
            answers.add(answer.get());
        }
        pool.shutdown();

        List<JsonPath> confirmed = answers.stream().filter(a -> a.getString("status").equals("CONFIRMED")).toList();
        List<JsonPath> waiting = answers.stream().filter(a -> a.getString("status").equals("WAITLISTED")).toList();
        assertEquals(20, confirmed.size(), "exactly the capacity");
        assertEquals(40, waiting.size());
        assertEquals(20, confirmed.stream().map(a -> a.getInt("bib")).distinct().count(), "no bib twice");
        confirmed.forEach(a -> assertEquals(true, a.getInt("bib") >= 9001 && a.getInt("bib") <= 9100));
        waiting.forEach(a -> assertNull(a.get("bib")));
        List<Long> positions = new ArrayList<>(waiting.stream().map(a -> a.getLong("waitlistPosition")).toList());
        Collections.sort(positions);
        assertEquals(IntStream.rangeClosed(1, 40).mapToObj(Long::valueOf).toList(), positions);
    }

    @Test
    void aBatchGivesEachRequestItsOwnAnswerAndTheRestTheirPlacesInOrder() {
        int firstBib = register(runner(199)).getInt("bib");
        List<RegistrationRequest> batch = new ArrayList<>(List.of(request("Runner200", uniqueLicence()),
                request("RUNNER200", uniqueLicence()), request("Runner199", uniqueLicence()),
                request("Runner300", null)));
        IntStream.rangeClosed(201, 221).forEach(i -> batch.add(request("Runner" + i, uniqueLicence())));

        List<Decision> decisions = QuarkusTransaction.requiringNew().call(() -> registrations.decide("RUSH", batch));

        assertEquals(batch.size(), decisions.size());
        assertEquals(Problem.TYPES + "already-entered", decisions.get(1).refusal().problem().type(), "twice in a batch");
        assertEquals(Problem.TYPES + "already-entered", decisions.get(2).refusal().problem().type(), "entered before");
        assertEquals(Problem.TYPES + "health-proof", decisions.get(3).refusal().problem().type());
        List<EntryConfirmation> answers = Stream.concat(decisions.stream().limit(1), decisions.stream().skip(4))
                .map(Decision::confirmationOrThrow).toList();
        // 19 places were left: to the first 19 in the batch's order, with the next free bibs, then the waitlist
        assertEquals(IntStream.rangeClosed(firstBib + 1, firstBib + 19).boxed().toList(),
                answers.stream().limit(19).map(EntryConfirmation::bib).toList());
        assertEquals(List.of(1L, 2L, 3L), answers.stream().skip(19).map(EntryConfirmation::waitlistPosition).toList());
        assertEquals(20, Entry.placesTaken("RUSH"));
        assertEquals(List.of("Runner219", "Runner220", "Runner221"), QuarkusTransaction.requiringNew().call(() ->
                Entry.<Entry>find("raceCode = ?1 and status = ?2 order by waitlistedAt, id", "RUSH",
                        EntryStatus.WAITLISTED).stream().map(e -> e.lastName).toList()));
    }

    static RegistrationRequest request(String lastName, String licenceNumber) {
        return new RegistrationRequest("Rush", lastName, EntryEvent.Sex.H, LocalDate.of(1985, 1, 1), "RUSH", null,
                null, "rush@example.org", null, licenceNumber, null, null, null, null, null, null, null, null,
                null, null, null, null);
    }

    @Test
    void aCancellationGivesThePlaceToTheFirstOnTheWaitlist() {
        List<JsonPath> entries = new ArrayList<>();
        for (int i = 0; i < 22; i++) {
            entries.add(register(runner(100 + i)));
        }
        JsonPath leaving = entries.get(3);
        JsonPath first = entries.get(20);
        assertEquals(1L, first.getLong("waitlistPosition"));
        assertEquals(2L, entries.get(21).getLong("waitlistPosition"));

        given().when().post("/api/entries/by-token/" + leaving.getString("token") + "/cancellation")
                .then().statusCode(200).body("status", equalTo("CANCELLED"));

        JsonPath promoted = given().when().get("/api/entries/by-token/" + first.getString("token"))
                .then().statusCode(200).body("status", equalTo("CONFIRMED")).extract().jsonPath();
        assertEquals(leaving.getInt("bib"), promoted.getInt("bib"), "the freed bib goes to the promoted runner");
        given().when().get("/api/entries/by-token/" + entries.get(21).getString("token"))
                .then().body("waitlistPosition", equalTo(1));
        given().when().post("/api/entries/by-token/" + leaving.getString("token") + "/cancellation")
                .then().statusCode(409).contentType("application/problem+json");

        try (TopicProbe kafka = TopicProbe.onTheServicesBroker()) {
            EntryEvent cancelled = kafka.awaitLast(Topics.ENTRIES, EntryEvent.class,
                    e -> e.entryId().equals(leaving.getString("id")), Duration.ofSeconds(20));
            assertEquals(EntryEvent.Type.CANCELLED, cancelled.type());
            EntryEvent upserted = kafka.awaitLast(Topics.ENTRIES, EntryEvent.class,
                    e -> e.entryId().equals(first.getString("id")), Duration.ofSeconds(20));
            assertEquals(EntryEvent.Type.UPSERTED, upserted.type());
            assertEquals(promoted.getInt("bib"), upserted.bib());
        }
    }

    @Test
    void aRunnerWhoMayNotRunIsToldWhichRuleAndWhy() {
        Map<String, Object> cadet = runner(900);
        cadet.put("birthDate", "2010-06-01");
        cadet.put("raceCode", "22K");
        given().contentType(ContentType.JSON).body(cadet).when().post("/api/entries")
                .then().statusCode(422).contentType("application/problem+json")
                .body("type", containsString("km-effort-limit"))
                .body("detail", containsString("CA"));

        Map<String, Object> noProof = runner(901);
        noProof.remove("licenceNumber");
        given().contentType(ContentType.JSON).body(noProof).when().post("/api/entries")
                .then().statusCode(422).body("type", containsString("health-proof"));

        Map<String, Object> oldPps = runner(902);
        oldPps.remove("licenceNumber");
        oldPps.put("ppsNumber", "PPS-77AB");
        oldPps.put("ppsDate", "2026-10-01");
        given().contentType(ContentType.JSON).body(oldPps).when().post("/api/entries")
                .then().statusCode(422).body("type", containsString("pps-expired"));

        Map<String, Object> certificate = runner(903);
        certificate.remove("licenceNumber");
        certificate.put("medicalCertificate", true);
        given().contentType(ContentType.JSON).body(certificate).when().post("/api/entries").then().statusCode(201);
        certificate.put("raceCode", "22K");
        given().contentType(ContentType.JSON).body(certificate).when().post("/api/entries")
                .then().statusCode(422).body("type", containsString("certificate-not-accepted"));
    }
}
