package fr.pyramidesnoires.registration.edition;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.pyramidesnoires.events.EntryEvent;
import fr.pyramidesnoires.events.PastResults;
import fr.pyramidesnoires.events.PastResults.Row;
import fr.pyramidesnoires.events.Topics;
import fr.pyramidesnoires.events.testing.Eventually;
import fr.pyramidesnoires.events.testing.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** The organiser publishes a past edition's results from its file, and results get them through Kafka. */
@QuarkusTest
class EditionImportTest {

    private static final String FILE = """
            Clt;Dossard;Nom;Prénom;Sexe;Cat;Club;Nat;Date de naissance;E-mail;Téléphone;Temps
            1;512;Delattre;Camille;F;SE;RC Lensois;FRA;1990-05-14;camille@example.org;+33 6 12 34 56 78;3:05:12
            2;530;Lefebvre;Jean-Marc;H;M1;;BEL;1981-02-01;jm@example.org;+32 470 12 34 56;03:10:00.4
            Ab;541;Nowak;Piotr;M;M2;;POL;1975-11-30;piotr@example.org;+48 600 000 000;Abandon
            """;

    @Test
    void aFileIsPublishedWithItsPublicFieldsOnlyAndItsPersonalColumnsNamed() {
        String race = uniqueRace();

        upload(2019, race, "raceName=Trail 55&distanceKm=55,3", FILE).statusCode(200)
                .body("raceName", equalTo("Trail 55"))
                .body("distanceKm", equalTo(55.3f))
                .body("rows", equalTo(3))
                .body("finishers", equalTo(2))
                .body("ignoredColumns.column", contains("Date de naissance", "E-mail", "Téléphone"))
                .body("ignoredColumns.why", hasItems(containsString("personal data")));

        PastResults published = kafka().awaitLast(Topics.PAST_RESULTS, PastResults.class,
                p -> p.key().equals("2019/" + race), Duration.ofSeconds(20));
        assertEquals(List.of(
                new Row(1, 512, "Delattre", "Camille", EntryEvent.Sex.F, "SE", "RC Lensois", "FRA", 11_112_000L,
                        PastResults.Status.FINISHED),
                new Row(2, 530, "Lefebvre", "Jean-Marc", EntryEvent.Sex.H, "M1", null, "BEL", 11_400_400L,
                        PastResults.Status.FINISHED),
                new Row(null, 541, "Nowak", "Piotr", EntryEvent.Sex.H, "M2", null, "POL", null,
                        PastResults.Status.DNF)), published.rows());
        String raw = lastRaw("2019/" + race);
        for (String personal : List.of("1990-05-14", "example.org", "+33", "1981")) {
            assertFalse(raw.contains(personal), raw);
        }
    }

    @Test
    void aFileWithFaultsIsRefusedWholeWithEveryLineAtFault() {
        String race = uniqueRace();

        upload(2018, race, "raceName=Trail 55&distanceKm=55", FILE
                .replace("3:05:12", "3 h 05")
                .replace(";M;M2", ";?;M2"))
                .statusCode(422).contentType("application/problem+json")
                .body("type", containsString("past-results-refused"))
                .body("errors.field", contains("ligne 2 / line 2", "ligne 4 / line 4"))
                .body("errors[0].message", containsString("time 3 h 05"))
                .body("errors[1].message", containsString("sex '?'"));
        // the outbox relays in the order it was written: once a later import is on the topic, a refused one would be
        String later = uniqueRace();
        upload(2018, later, "raceName=Later&distanceKm=10", FILE).statusCode(200);
        kafka().awaitLast(Topics.PAST_RESULTS, PastResults.class, p -> p.key().equals("2018/" + later),
                Duration.ofSeconds(20));
        assertEquals(List.of(), kafka().all(Topics.PAST_RESULTS, PastResults.class,
                p -> p.raceCode().equals(race)));
    }

    @Test
    void importingAnEditionsRaceAgainReplacesIt() {
        String race = uniqueRace();
        upload(2017, race, "raceName=Trail 55&distanceKm=55", FILE).statusCode(200);

        // as a spreadsheet on Windows saves it
        upload(2017, race, "columns=time:Temps officiel&raceName=Trail des Terrils&distanceKm=56", """
                Dossard;Nom;Prénom;Sexe;Temps officiel
                512;Delattre;Camille;F;3:04:59
                """.getBytes(Charset.forName("windows-1252"))).statusCode(200).body("rows", equalTo(1));

        PastResults latest = kafka().awaitLast(Topics.PAST_RESULTS, PastResults.class,
                p -> p.key().equals("2017/" + race) && p.rows().size() == 1, Duration.ofSeconds(20));
        assertEquals("Trail des Terrils", latest.raceName());
        assertEquals(56.0, latest.distanceKm());
        assertEquals(11_099_000L, latest.rows().get(0).timeMs());
        // compaction keeps the latest message of a key: the one every results replica ends on
        assertEquals(latest, kafka().all(Topics.PAST_RESULTS, PastResults.class, p -> p.raceCode().equals(race))
                .get(1));
    }

    /** The limit registration checks is below what the broker takes: a race just under it gets through. */
    @Test
    void aRaceJustUnderTheMessageLimitReachesKafkaAndOneOverItIsRefused() {
        String race = uniqueRace();
        upload(2015, race, "raceName=Ultra&distanceKm=110", longRace(4200)).statusCode(200);
        List<ConsumerRecord<String, String>> published = Eventually.until(() -> kafka().readAll(Topics.PAST_RESULTS)
                .stream().filter(r -> ("2015/" + race).equals(r.key())).toList(), found -> !found.isEmpty(),
                Duration.ofSeconds(20), none -> "the race never reached Kafka");
        int bytes = published.get(0).value().getBytes(StandardCharsets.UTF_8).length;
        assertTrue(bytes > 900_000 && bytes <= PastResults.MAX_BYTES, bytes + " bytes");

        upload(2015, uniqueRace(), "raceName=Ultra&distanceKm=110", longRace(4600)).statusCode(422)
                .contentType("application/problem+json")
                .body("type", containsString("past-results-too-large"));
    }

    private static String longRace(int runners) {
        StringBuilder csv = new StringBuilder("Clt;Dossard;Nom;Prénom;Sexe;Cat;Club;Nat;Temps\n");
        for (int bib = 1; bib <= runners; bib++) {
            csv.append(bib).append(';').append(bib).append(";Vandenbroucke-Delacroix;Marie-Christine;F;M3;"
                    + "Association Sportive des Coureurs du Bassin Minier;FRA;12:34:56.7\n");
        }
        return csv.toString();
    }

    @Test
    void onlyAnOrganiserMayPublish() {
        given().contentType("text/csv").body(FILE)
                .when().post("/api/admin/editions/2019/races/" + uniqueRace() + "/results?raceName=T&distanceKm=5")
                .then().statusCode(401);
    }

    private static ValidatableResponse upload(int year, String race, String query, String csv) {
        return upload(year, race, query, csv.getBytes(StandardCharsets.UTF_8));
    }

    private static ValidatableResponse upload(int year, String race, String query, byte[] csv) {
        return given().auth().preemptive().basic("organiser", "organiser-secret").contentType("text/csv")
                .body(csv).when().post("/api/admin/editions/" + year + "/races/" + race + "/results?" + query).then();
    }

    private static String uniqueRace() {
        return "E" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    private static TopicProbe kafka() {
        return TopicProbe.shared();
    }

    private static String lastRaw(String key) {
        List<ConsumerRecord<String, String>> records = kafka().readAll(Topics.PAST_RESULTS).stream()
                .filter(r -> key.equals(r.key())).toList();
        return records.get(records.size() - 1).value();
    }
}
