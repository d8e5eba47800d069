package fr.pyramidesnoires.registration.mail;

import static fr.pyramidesnoires.registration.entry.EntryChangeTest.entered;
import static fr.pyramidesnoires.registration.entry.EntryChangeTest.runnerIn;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.pyramidesnoires.registration.entry.EntryChanged;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/** The service talks to a real mail server address where none listens, as when the organiser's server is down. */
@QuarkusTest
@TestProfile(MailServerDownTest.NoMailServer.class)
class MailServerDownTest {

    public static class NoMailServer implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.mailer.mock", "false", "quarkus.mailer.host", "127.0.0.1",
                    "quarkus.mailer.port", String.valueOf(portWhereNothingListens()),
                    "quarkus.mailer.start-tls", "DISABLED");
        }

        private static int portWhereNothingListens() {
            try (ServerSocket socket = new ServerSocket(0)) {
                return socket.getLocalPort();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Test
    void aMailTheServerDoesNotTakeIsKeptAndTriedAgainLater() {
        String address = EntryMailTest.uniqueAddress();
        Map<String, Object> runner = runnerIn("22K");
        runner.put("email", address);
        entered(runner);

        RunnerMail mail = awaitMail(address, tried -> tried.attempts > 0);
        assertEquals(EntryChanged.Change.ENTERED, mail.change);
        assertNotNull(mail.lastError);
        assertNull(mail.gaveUpAt);
        assertTrue(mail.nextAttemptAt.isAfter(Instant.now().plusSeconds(30)),
                "tried again in a minute, not at once: " + mail.nextAttemptAt);
        int waiting = organiser().get("/api/admin/dashboard").then().statusCode(200).extract().path("mailsWaiting");
        assertTrue(waiting >= 1, "the organiser sees it waiting: " + waiting);
    }

    @Test
    void aMailRefusedForADayIsGivenUpAndShownToTheOrganisers() {
        String address = EntryMailTest.uniqueAddress();
        UUID entry = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> {
            RunnerMail mail = new RunnerMail();
            mail.change = EntryChanged.Change.PROMOTED;
            mail.recipient = address;
            mail.firstName = "Léa";
            mail.entryId = entry;
            mail.raceName = "Trail des Pyramides Noires 22 km";
            mail.bib = 12;
            mail.token = "a-token-of-a-day-ago";
            mail.createdAt = Instant.now().minus(Duration.ofHours(23).plusMinutes(30));
            mail.attempts = 12;
            mail.nextAttemptAt = Instant.now();
            mail.persist();
        });

        RunnerMail mail = awaitMail(address, tried -> tried.gaveUpAt != null);
        assertEquals(13, mail.attempts);
        organiser().get("/api/admin/dashboard").then().statusCode(200)
                .body("mailsGivenUp.recipient", hasItem(address));
        organiser().accept(ContentType.HTML).get("/admin").then().statusCode(200)
                .body(containsString("Courriels abandonnés"), containsString(address),
                        containsString("/admin/entries/" + entry));
    }

    private static io.restassured.specification.RequestSpecification organiser() {
        return given().auth().preemptive().basic("organiser", "organiser-secret");
    }

    private static RunnerMail awaitMail(String address, Predicate<RunnerMail> condition) {
        Instant deadline = Instant.now().plusSeconds(20);
        while (Instant.now().isBefore(deadline)) {
            RunnerMail mail = QuarkusTransaction.requiringNew().call(() -> RunnerMail
                    .<RunnerMail>find("recipient", address).firstResult());
            if (mail != null && condition.test(mail)) {
                return mail;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("The mail to " + address + " was not tried as expected within 20 s");
    }
}
