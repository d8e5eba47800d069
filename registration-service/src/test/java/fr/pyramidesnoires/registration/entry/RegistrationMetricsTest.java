package fr.pyramidesnoires.registration.entry;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.pyramidesnoires.events.testing.MetricsText;
import fr.pyramidesnoires.events.testing.RaceDayDashboard;
import fr.pyramidesnoires.registration.mail.RunnerMail;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What the race-day dashboard shows of registration: entries taken, refusals by rule, mails waiting. */
@QuarkusTest
class RegistrationMetricsTest {

    @Test
    void anEntryCountsAsAcceptedAndASecondEntryOfTheSamePersonAsRefusedByItsRule() {
        double accepted = metric("registration_entries_accepted_total", "race=\"110K\"");
        double refused = metric("registration_entries_refused_total", "rule=\"already-entered\"");
        String lastName = RegistrationTest.uniqueName();

        RegistrationTest.register(RegistrationTest.runner(lastName, "110K")).statusCode(201);
        RegistrationTest.register(RegistrationTest.runner(lastName, "110K")).statusCode(409);

        assertEquals(accepted + 1, metric("registration_entries_accepted_total", "race=\"110K\""));
        assertEquals(refused + 1, metric("registration_entries_refused_total", "rule=\"already-entered\""));
    }

    @Test
    void aMailOwedToARunnerCountsAsWaitingUntilTheMailServerTakesIt() {
        double before = settledMailsWaiting();
        // due in a day: the relay leaves it in the queue for the test to see
        Long id = QuarkusTransaction.requiringNew().call(() -> {
            RunnerMail mail = new RunnerMail();
            mail.change = EntryChanged.Change.values()[0];
            mail.recipient = "waiting@example.org";
            mail.firstName = "Léa";
            mail.entryId = UUID.randomUUID();
            mail.createdAt = Instant.now();
            mail.nextAttemptAt = Instant.now().plus(Duration.ofDays(1));
            mail.persist();
            return mail.id;
        });
        try {
            assertEquals(before + 1, metric("registration_mails_waiting", ""));
        } finally {
            QuarkusTransaction.requiringNew().run(() -> RunnerMail.deleteById(id));
        }
        assertEquals(before, metric("registration_mails_waiting", ""));
    }

    @Test
    void everyRegistrationMetricOfTheRaceDayDashboardIsExposed() {
        RegistrationTest.register(RegistrationTest.runner(RegistrationTest.uniqueName(), "22K")).statusCode(201);
        String lastName = RegistrationTest.uniqueName();
        RegistrationTest.register(RegistrationTest.runner(lastName, "22K")).statusCode(201);
        RegistrationTest.register(RegistrationTest.runner(lastName, "22K")).statusCode(409);
        String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        var asked = RaceDayDashboard.metricsOf("registration");
        assertTrue(asked.size() >= 3, "the dashboard shows registration: " + asked);
        assertEquals(Set.of(), RaceDayDashboard.notExposed("registration", metrics),
                "asked by the dashboard, not at /q/metrics");
    }

    /** Once mails of earlier tests' entries have gone to the (mock) mail server: the same figure a second apart. */
    static double settledMailsWaiting() {
        double last = -1;
        for (int i = 0; i < 30; i++) {
            double now = metric("registration_mails_waiting", "");
            if (now == last) {
                return now;
            }
            last = now;
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("the mail queue never settled");
    }

    static double metric(String name, String label) {
        return MetricsText.sum(given().when().get("/q/metrics").then().statusCode(200).extract().asString(), name,
                label);
    }
}
