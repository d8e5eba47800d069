package fr.pyramidesnoires.results.alerts;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.pyramidesnoires.events.CourseEvent;
import fr.pyramidesnoires.events.EntryEvent;
import fr.pyramidesnoires.events.RaceEvent;
import fr.pyramidesnoires.events.RunnerTiming;
import fr.pyramidesnoires.events.RunnerTiming.Passage;
import fr.pyramidesnoires.events.Topics;
import fr.pyramidesnoires.events.testing.Eventually;
import fr.pyramidesnoires.events.testing.TopicProbe;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Spectators follow a runner by e-mail, on the real broker and database, as they would from the runner's page. */
@QuarkusTest
class PassingAlertsTest {

    private static final Pattern LINK = Pattern.compile("https?://\\S+/alerts/(confirm|stop)/([A-Za-z0-9_-]{43})");
    private static final DateTimeFormatter TIME_OF_DAY = DateTimeFormatter.ofPattern("HH:mm:ss");
    private static final ZoneId EVENT_ZONE = ZoneId.of("Europe/Paris");
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final List<CourseEvent.Point> POINTS = List.of(
            new CourseEvent.Point(0, "start", "Départ 9-9bis", 0, 0, null),
            new CourseEvent.Point(1, "ste-henriette", "Terril Sainte-Henriette", 12, 210, null),
            new CourseEvent.Point(2, "estevelles", "Terril d'Estevelles", 24, 480, null),
            new CourseEvent.Point(3, "finish", "Arrivée 9-9bis", 35, 700, null));
    private static TopicProbe kafka;

    @Inject
    MockMailbox mailbox;

    @BeforeAll
    static void connect() {
        kafka = TopicProbe.onTheServicesBroker();
    }

    @AfterAll
    static void disconnect() {
        kafka.close();
    }

    /** A race started an hour ago, its runners at the start a little after. */
    private static String race() {
        String race = "AL" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        kafka.send(Topics.RACES, race, new RaceEvent(race, "Trail test " + race, 35, 700,
                OffsetDateTime.now().minusHours(1), 300));
        kafka.send(Topics.COURSES, race, new CourseEvent(race, POINTS, gun()));
        return race;
    }

    private static Instant gun() {
        return Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(1));
    }

    private static String entry(String race, int bib, String first, String last, boolean refusesAlerts) {
        String id = UUID.randomUUID().toString();
        entry(id, race, bib, first, last, refusesAlerts);
        return id;
    }

    private static void entry(String id, String race, int bib, String first, String last, boolean refusesAlerts) {
        kafka.send(Topics.ENTRIES, id, new EntryEvent(EntryEvent.Type.UPSERTED, id, race, bib, "C" + bib, first,
                last, false, EntryEvent.Sex.F, "SE", "AC Lens", "FRA", Instant.now(), refusesAlerts));
    }

    /** The runner's snapshot as timing publishes it: every passage so far, the start long ago. */
    private static void timed(String race, int bib, Instant... times) {
        List<Passage> passages = new ArrayList<>();
        passages.add(new Passage(0, "start", "Départ 9-9bis", 0, Instant.now().minus(Duration.ofMinutes(90))));
        for (int i = 0; i < times.length; i++) {
            CourseEvent.Point point = POINTS.get(i + 1);
            passages.add(new Passage(point.order(), point.id(), point.name(), point.km(), times[i]));
        }
        RunnerTiming timing = new RunnerTiming(race, bib, RunnerTiming.Status.ON_COURSE, null, passages, null, null);
        kafka.send(Topics.RUNNER_TIMINGS, timing.key(), timing);
    }

    private static void awaitRunnerPage(String race, int bib, String showing) {
        Eventually.until(() -> given().get("/races/" + race + "/runners/" + bib).asString(),
                page -> page.contains(showing), PATIENCE, page -> "the runner page never showed " + showing);
    }

    private static ValidatableResponse ask(String race, int bib, String email) {
        return given().contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .formParams(Map.of("email", email)).when().post("/races/" + race + "/runners/" + bib + "/alerts")
                .then();
    }

    private List<Mail> mailsTo(String address) {
        return mailbox.getMailsSentTo(address);
    }

    private Mail awaitMail(String address, String saying) {
        return Eventually.until(() -> mailsTo(address).stream().filter(m -> m.getText().contains(saying))
                        .findFirst(), Optional::isPresent, PATIENCE,
                seen -> "no mail to " + address + " saying " + saying + " among " + mailsTo(address).size())
                .orElseThrow();
    }

    private static String link(Mail mail, String action) {
        Matcher matcher = LINK.matcher(mail.getText());
        while (matcher.find()) {
            if (matcher.group(1).equals(action)) {
                return "/alerts/" + action + "/" + matcher.group(2);
            }
        }
        throw new AssertionError("no " + action + " link in " + mail.getText());
    }

    /** Asks on the page, then confirms through the mailed link as a follower would. */
    private Mail follow(String race, int bib, String address) {
        ask(race, bib, address).statusCode(200).body(containsString("Consultez vos e-mails"));
        Mail confirmation = awaitMail(address, "Pour le confirmer");
        String confirm = link(confirmation, "confirm");
        // opening the link (a mail scanner does) confirms nothing: the button does
        given().get(confirm).then().statusCode(200).body(containsString("<form method=\"post\" action=\"" + confirm));
        given().post(confirm).then().statusCode(200).body(containsString("vous recevrez un e-mail à chacun"));
        return confirmation;
    }

    private static String unique(String who) {
        return who + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    }

    @Test
    void aFollowerGetsOneMailPerPassageWithTimeAndRankUntilTheyStop() {
        String race = race();
        entry(race, 11, "Alice", "Carpentier", false);
        entry(race, 12, "Bruno", "Delmotte", false);
        timed(race, 12);
        awaitRunnerPage(race, 12, "Recevoir un e-mail à chaque passage");
        String camille = unique("camille");
        String marc = unique("marc");

        Mail confirmation = follow(race, 12, camille);
        assertTrue(confirmation.getText().contains("DELMOTTE Bruno (dossard 12)"), confirmation.getText());
        assertTrue(confirmation.getText().contains("You asked for an e-mail at each passage"), "French then English");
        follow(race, 12, marc);
        // Alice passed first: Bruno is second there
        Instant alicePassed = Instant.now().minusSeconds(30);
        timed(race, 11, alicePassed);
        Instant passed = Instant.now().plusSeconds(1);
        timed(race, 12, passed);

        Mail alert = awaitMail(camille, "Terril Sainte-Henriette");
        String time = TIME_OF_DAY.format(passed.atZone(EVENT_ZONE));
        assertTrue(alert.getText().contains("DELMOTTE Bruno (dossard 12) est passé à Terril Sainte-Henriette à "
                + time + ", 2e à ce point"), alert.getText());
        assertTrue(alert.getText().contains("passed Terril Sainte-Henriette at " + time + ", rank 2 at that point"),
                alert.getText());
        assertTrue(alert.getText().contains("/races/" + race + "/runners/12"), alert.getText());
        String stop = link(alert, "stop");
        assertTrue(alert.getHeaders().get("List-Unsubscribe").get(0).endsWith(stop + ">"));
        assertEquals("List-Unsubscribe=One-Click", alert.getHeaders().get("List-Unsubscribe-Post").get(0));

        // the same snapshot again, as every change of the runner and every replay sends it, then a new passage
        timed(race, 12, passed);
        timed(race, 12, passed);
        Instant later = Instant.now().plusSeconds(2);
        timed(race, 12, passed, later);
        awaitMail(camille, "Terril d'Estevelles");
        assertEquals(1, mailsTo(camille).stream().filter(m -> m.getText().contains("Terril Sainte-Henriette"))
                .count(), "one mail per passage");
        assertEquals(0, mailsTo(camille).stream().filter(m -> m.getText().contains("Départ 9-9bis à")).count(),
                "the start, before the follower confirmed, is no news to them");

        // one click stops Camille; Marc, still following, shows when the next passage has gone out
        given().get(stop).then().statusCode(200).body(containsString("Arrêter les alertes"));
        given().contentType("application/x-www-form-urlencoded").formParams(Map.of("List-Unsubscribe", "One-Click"))
                .post(stop).then().statusCode(200).body(containsString("vous ne recevrez plus"));
        given().post(stop).then().statusCode(404).body(containsString("aucune alerte en cours"));
        timed(race, 12, passed, later, Instant.now().plusSeconds(3));
        awaitMail(marc, "Arrivée 9-9bis");
        assertFalse(mailsTo(camille).stream().anyMatch(m -> m.getText().contains("Arrivée 9-9bis")),
                "no mail after stopping");
        assertEquals(3, mailsTo(marc).stream().filter(m -> m.getText().contains("est passé à")).count());
    }

    @Test
    void askingTwiceForTheSameRunnerMakesOneFollower() {
        String race = race();
        entry(race, 21, "Chloé", "Wallet", false);
        awaitRunnerPage(race, 21, "Recevoir un e-mail à chaque passage");
        String address = unique("lea");
        follow(race, 21, address);
        ask(race, 21, address.toUpperCase()).statusCode(200).body(containsString("Consultez vos e-mails"));

        timed(race, 21, Instant.now().plusSeconds(1));
        awaitMail(address, "Terril Sainte-Henriette");
        // the relay sends the oldest first: a second confirmation, asked before the passage, would be out by now
        assertEquals(1, mailsTo(address).stream().filter(m -> m.getText().contains("est passé à")).count());
        assertEquals(1, mailsTo(address).stream().filter(m -> m.getText().contains("Pour le confirmer")).count(),
                "a follower already confirmed is sent nothing more");
    }

    @Test
    void aRunnerWhoRefusesIsNotFollowedAndTheirFollowersGetNothingMore() throws InterruptedException {
        String race = race();
        String id = entry(race, 31, "Denis", "Lefebvre", false);
        entry(race, 32, "Emma", "Vasseur", true);
        awaitRunnerPage(race, 32, "Ce coureur ne souhaite pas être suivi par e-mail");
        given().get("/races/" + race + "/runners/32").then().body(not(containsString("name=\"email\"")));
        String refusedAddress = unique("fan");
        ask(race, 32, refusedAddress).statusCode(409).body(containsString("ne souhaite pas être suivi"));
        given().contentType("application/json").body(Map.of("email", refusedAddress))
                .post("/api/races/" + race + "/runners/32/alerts")
                .then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("does not wish to be followed"));

        String follower = unique("family");
        follow(race, 31, follower);
        entry(id, race, 31, "Denis", "Lefebvre", true);
        awaitRunnerPage(race, 31, "Ce coureur ne souhaite pas être suivi par e-mail");
        timed(race, 31, Instant.now().plusSeconds(1));
        timed(race, 32, Instant.now().plusSeconds(1));
        awaitRunnerPage(race, 31, "Terril Sainte-Henriette");
        // the feed has applied the passage; its alerts, had any been owed, go out within a second
        Thread.sleep(3000);
        assertEquals(1, mailsTo(follower).size(), "only the confirmation: " + mailsTo(follower));
        assertEquals(0, mailsTo(refusedAddress).size());
    }

    @Test
    void anInvalidAddressIsNamedOnThePageAndInTheApi() {
        String race = race();
        entry(race, 41, "Fanny", "Dubois", false);
        awaitRunnerPage(race, 41, "Recevoir un e-mail à chaque passage");

        ask(race, 41, "not an address").statusCode(400)
                .body(allOf(containsString("role=\"alert\""), containsString("pas valable")));
        given().contentType("application/json").body(Map.of("email", "fanny@"))
                .post("/api/races/" + race + "/runners/41/alerts")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("email"));
        given().contentType("application/json").body(Map.of("email", unique("ok")))
                .post("/api/races/" + race + "/runners/41/alerts")
                .then().statusCode(202).body("status", equalTo("CONFIRMATION_SENT"));
        ask(race, 999, unique("ghost")).statusCode(404);
    }

    @Test
    void oneAddressIsSentAFewConfirmationsAnHourNotAFlood() {
        String race = race();
        for (int bib = 61; bib <= 66; bib++) {
            entry(race, bib, "Hugo", "Runner" + bib, false);
        }
        awaitRunnerPage(race, 66, "Recevoir un e-mail à chaque passage");
        String address = unique("target");
        for (int bib = 61; bib <= 65; bib++) {
            ask(race, bib, address).statusCode(200);
        }
        ask(race, 66, address).statusCode(429).body(containsString("Trop de demandes de suivi"));
        Eventually.until(() -> mailsTo(address).size() == 5, PATIENCE, "five confirmations");
    }

    @Test
    void noPublicPageOrApiShowsWhoFollows() {
        String race = race();
        entry(race, 51, "Gaëlle", "Martin", false);
        timed(race, 51);
        awaitRunnerPage(race, 51, "Recevoir un e-mail à chaque passage");
        String address = unique("secret-follower");
        follow(race, 51, address);
        timed(race, 51, Instant.now().plusSeconds(1));
        awaitMail(address, "Terril Sainte-Henriette");

        String local = address.substring(0, address.indexOf('@'));
        for (String path : List.of("/races/" + race + "/runners/51", "/api/races/" + race + "/runners/51",
                "/races/" + race, "/api/races/" + race + "/ranking", "/races/" + race + "/points/ste-henriette",
                "/mes-coureurs", "/recherche?q=Martin")) {
            String body = given().get(path).asString();
            assertFalse(body.contains(local), path + " shows the follower");
        }
    }
}
