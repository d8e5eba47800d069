package fr.pyramidesnoires.registration.mail;

import static fr.pyramidesnoires.registration.entry.EntryChangeTest.entered;
import static fr.pyramidesnoires.registration.entry.EntryChangeTest.runnerIn;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.pyramidesnoires.events.testing.Eventually;
import fr.pyramidesnoires.registration.entry.EntryChanged;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The service's mail server takes connections and never answers, as an overloaded or half-dead server does: each
 * mail waits for the mailer's timeout, here 3 s.
 */
@QuarkusTest
@TestProfile(MailServerDownTest.SilentMailServer.class)
class MailServerDownTest {

    /** Connections the silent server took, held open and unanswered. */
    static final BlockingQueue<Socket> CONNECTIONS = new LinkedBlockingQueue<>();

    public static class SilentMailServer implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.mailer.mock", "false", "quarkus.mailer.host", "127.0.0.1",
                    "quarkus.mailer.port", String.valueOf(silentServer()), "quarkus.mailer.start-tls", "DISABLED",
                    "quarkus.mailer.timeout", "3S");
        }

        private static int silentServer() {
            try {
                ServerSocket server = new ServerSocket(0);
                Thread accepting = new Thread(() -> {
                    while (true) {
                        try {
                            CONNECTIONS.add(server.accept());
                        } catch (IOException e) {
                            return;
                        }
                    }
                }, "silent-mail-server");
                accepting.setDaemon(true);
                accepting.start();
                return server.getLocalPort();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Inject
    EntityManager em;

    private static final Instant POSTPONED = Instant.parse("2100-01-01T00:00:00Z");

    /** Mails left by other tests would each take the server's timeout before this test's. */
    @BeforeEach
    void postponeTheOtherMails() {
        QuarkusTransaction.requiringNew().run(() -> RunnerMail.update("nextAttemptAt = ?1 where gaveUpAt is null",
                POSTPONED));
        CONNECTIONS.clear();
    }

    @AfterEach
    void giveThemBack() {
        QuarkusTransaction.requiringNew().run(() -> RunnerMail.update("nextAttemptAt = ?1 where nextAttemptAt = ?2",
                Instant.now(), POSTPONED));
    }

    @Test
    void aMailTheServerDoesNotTakeIsKeptAndTriedAgainLater() throws InterruptedException {
        String address = EntryMailTest.uniqueAddress();
        Map<String, Object> runner = runnerIn("22K");
        runner.put("email", address);
        entered(runner);

        // while the relay waits for the server, the mail is not locked: no transaction is left open meanwhile
        assertNotNull(CONNECTIONS.poll(20, TimeUnit.SECONDS), "the relay called the mail server");
        QuarkusTransaction.requiringNew().run(() -> assertEquals(1, em.createNativeQuery(
                "SELECT id FROM runnermail WHERE recipient = ?1 FOR UPDATE NOWAIT").setParameter(1, address)
                .getResultList().size()));
        RunnerMail mail = awaitMail(address, tried -> tried.attempts > 0);
        assertEquals(EntryChanged.Change.ENTERED, mail.change);
        assertNotNull(mail.lastError);
        assertFalse(mail.lastError.equals("null"), mail.lastError);
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
            RunnerMail mail = EntryMailTest.owed(address, entry, EntryChanged.Change.PROMOTED,
                    Instant.now().minus(Duration.ofHours(23).plusMinutes(30)));
            mail.attempts = 12;
            mail.nextAttemptAt = Instant.now();
            mail.persist();
        });

        RunnerMail mail = awaitMail(address, tried -> tried.gaveUpAt != null);
        assertEquals(13, mail.attempts);
        organiser().get("/api/admin/dashboard").then().statusCode(200)
                .body("mailsGivenUp.recipient", hasItem(address));
        organiser().accept(ContentType.HTML).get("/admin").then().statusCode(200)
                .body(containsString("Abandonnés"), containsString(address), containsString("place libérée"),
                        containsString("/admin/entries/" + entry));

        // the organiser told the runner another way
        organiser().header("Origin", RestAssured.baseURI + ":" + RestAssured.port).redirects().follow(false)
                .post("/admin/given-up-mails/" + mail.id + "/dismissal").then().statusCode(303);
        organiser().accept(ContentType.HTML).get("/admin").then().statusCode(200)
                .body(not(containsString(address)));
        organiser().delete("/api/admin/dashboard/given-up-mails/" + mail.id).then().statusCode(404)
                .contentType("application/problem+json");
    }

    private static io.restassured.specification.RequestSpecification organiser() {
        return given().auth().preemptive().basic("organiser", "organiser-secret");
    }

    private static RunnerMail awaitMail(String address, Predicate<RunnerMail> condition) {
        return Eventually.until(() -> QuarkusTransaction.requiringNew().call(() -> RunnerMail
                        .<RunnerMail>find("recipient", address).firstResult()),
                mail -> mail != null && condition.test(mail), Duration.ofSeconds(20),
                mail -> "The mail to " + address + " was not tried as expected within 20 s");
    }
}
