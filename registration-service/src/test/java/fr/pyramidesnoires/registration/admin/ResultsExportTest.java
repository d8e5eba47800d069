package fr.pyramidesnoires.registration.admin;

import static fr.pyramidesnoires.registration.admin.AdminApi.asOrganiser;
import static fr.pyramidesnoires.registration.admin.AdminApi.register;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import fr.pyramidesnoires.events.RunnerTiming;
import fr.pyramidesnoires.events.Topics;
import fr.pyramidesnoires.events.testing.Eventually;
import fr.pyramidesnoires.events.testing.TopicProbe;
import fr.pyramidesnoires.registration.entry.RegistrationTest;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The federations' results files, made from timing's snapshots on runner-timings (published here as timing
 * would) and the runners' private fields. RESULTS-A has bibs 8101-8120.
 */
@QuarkusTest
class ResultsExportTest {

    private static final Instant GUN = Instant.parse("2027-03-20T07:00:00Z");

    @Test
    void finishersByGunTimeThenTheOthersWithTheirStatusInEachFederationsColumns() {
        AdminApi.empty("RESULTS-A");
        String[] licences = new String[5];
        for (int i = 0; i < licences.length; i++) {
            licences[i] = RegistrationTest.uniqueLicence();
        }
        int fast = register("RESULTS-A", "Rapide", "F", Map.of("licenceNumber", licences[0])).getInt("bib");
        int steady = register("RESULTS-A", "Régulier", "H",
                Map.of("licenceNumber", licences[1], "birthDate", "1985-02-03")).getInt("bib");
        int quitter = register("RESULTS-A", "Abandon", "H",
                Map.of("licenceNumber", licences[2], "birthDate", "2000-11-30", "nationality", "BEL")).getInt("bib");
        int absent = register("RESULTS-A", "Absent", "F",
                Map.of("licenceNumber", licences[3], "birthDate", "1975-01-01")).getInt("bib");
        int discreet = register("RESULTS-A", "Discret", "H",
                Map.of("licenceNumber", licences[4], "publishName", false)).getInt("bib");

        try (TopicProbe kafka = TopicProbe.onTheServicesBroker()) {
            // a message nobody can use is left out, and the ones after it are kept
            kafka.sendRaw(Topics.RUNNER_TIMINGS, "RESULTS-A/" + fast, "{\"raceCode\": \"RESULTS-A\", \"bib\": \"");
            // faster from the start mat than the winner, but ranked by the gun as the federations rank
            publish(kafka, new RunnerTiming("RESULTS-A", fast, RunnerTiming.Status.FINISHED, GUN, List.of(),
                    10_925_900L, 10_200_000L));
            publish(kafka, new RunnerTiming("RESULTS-A", steady, RunnerTiming.Status.FINISHED, GUN, List.of(),
                    10_500_000L, 10_499_000L));
            publish(kafka, new RunnerTiming("RESULTS-A", discreet, RunnerTiming.Status.FINISHED, GUN, List.of(),
                    10_925_900L, 10_900_000L));
            // the later snapshot replaces the earlier one
            publish(kafka, new RunnerTiming("RESULTS-A", quitter, RunnerTiming.Status.ON_COURSE, GUN, List.of(),
                    null, null));
            publish(kafka, new RunnerTiming("RESULTS-A", quitter, RunnerTiming.Status.DNF, GUN, List.of(),
                    null, null));
            publish(kafka, new RunnerTiming("RESULTS-A", absent, RunnerTiming.Status.FINISHED, GUN, List.of(),
                    9_000_000L, 9_000_000L));
            Eventually.until(() -> lines("ffa.csv"), lines -> lines.size() == 6
                            && lines.get(1).startsWith("1;" + absent + ";") && lines.get(5).startsWith("DNF;"),
                    Duration.ofSeconds(30), lines -> "The FFA file never showed every snapshot: " + lines);
            // a runner timing takes off again (a tombstone) is one it has no word on: they did not start
            kafka.sendRaw(Topics.RUNNER_TIMINGS, "RESULTS-A/" + absent, null);
        }

        List<String> ffa = Eventually.until(() -> lines("ffa.csv"), lines -> lines.get(5).startsWith("DNS;"),
                Duration.ofSeconds(30), lines -> "The FFA file never took the runner off: " + lines);
        assertEquals(List.of(
                "Classement;Dossard;Nom;Prénom;Sexe;Catégorie;Année de naissance;Club;Numéro de licence;Nationalité;"
                        + "Temps",
                "1;" + steady + ";Régulier;Alex;M;M1;1985;AC Oignies;" + licences[1] + ";FRA;02:55:00",
                "2;" + fast + ";Rapide;Alex;F;M0;1990;AC Oignies;" + licences[0] + ";FRA;03:02:05",
                "2;" + discreet + ";Discret;Alex;M;M0;1990;AC Oignies;" + licences[4] + ";FRA;03:02:05",
                "DNF;" + quitter + ";Abandon;Alex;M;SE;2000;AC Oignies;" + licences[2] + ";BEL;",
                "DNS;" + absent + ";Absent;Alex;F;M3;1975;AC Oignies;" + licences[3] + ";FRA;"), ffa);

        assertEquals(List.of(
                "Ranking;Time;Family name;First name;Gender;Birthdate;Nationality;Bib number",
                "1;02:55:00;Régulier;Alex;M;1985-02-03;FRA;" + steady,
                "2;03:02:05;Rapide;Alex;F;1990-05-14;FRA;" + fast,
                "2;03:02:05;Discret;Alex;M;1990-05-14;FRA;" + discreet,
                "DNF;;Abandon;Alex;M;2000-11-30;BEL;" + quitter), lines("itra.csv"));
    }

    @Test
    void theFilesAreTheOrganisersOnly() {
        given().when().get("/api/admin/races/RESULTS-A/results/ffa.csv").then().statusCode(401);
        given().when().get("/api/admin/races/RESULTS-A/results/itra.csv").then().statusCode(401);
        asOrganiser().when().get("/api/admin/races/NOSUCH/results/ffa.csv").then().statusCode(404);
    }

    private static void publish(TopicProbe kafka, RunnerTiming timing) {
        kafka.send(Topics.RUNNER_TIMINGS, timing.key(), timing);
    }

    private static List<String> lines(String file) {
        String csv = asOrganiser().when().get("/api/admin/races/RESULTS-A/results/" + file)
                .then().statusCode(200).extract().asString();
        return csv.lines().toList();
    }
}
