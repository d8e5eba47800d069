package fr.pyramidesnoires.registration.mail;

import static fr.pyramidesnoires.registration.entry.EntryChangeTest.entered;
import static fr.pyramidesnoires.registration.entry.EntryChangeTest.post;
import static fr.pyramidesnoires.registration.entry.EntryChangeTest.runnerIn;
import static fr.pyramidesnoires.registration.entry.RegistrationTest.register;
import static fr.pyramidesnoires.registration.entry.RegistrationTest.uniqueLicence;
import static fr.pyramidesnoires.registration.entry.RegistrationTest.uniqueName;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.pyramidesnoires.events.EntryEvent;
import fr.pyramidesnoires.events.testing.Eventually;
import fr.pyramidesnoires.registration.entry.Entry;
import fr.pyramidesnoires.registration.entry.EntryChangeTest;
import fr.pyramidesnoires.registration.entry.EntryChanged;
import fr.pyramidesnoires.registration.entry.RegistrationRequest;
import fr.pyramidesnoires.registration.entry.Registrations;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class EntryMailTest {

    @Inject
    MockMailbox mailbox;
    @Inject
    Registrations registrations;
    @Inject
    EntityManager em;

    @BeforeEach
    void emptyTheSmallRaces() {
        EntryChangeTest.emptySmallRaces();
    }

    static Map<String, Object> runnerWithMail(String race, String email) {
        Map<String, Object> runner = runnerIn(race);
        runner.put("email", email);
        return runner;
    }

    static String uniqueAddress() {
        return "runner-" + UUID.randomUUID() + "@example.org";
    }

    @Test
    void anEntryIsConfirmedByMailWithThePrivateLink() {
        String address = uniqueAddress();
        JsonPath entry = entered(runnerWithMail("22K", address));

        Mail mail = awaitMail(address, "Inscription enregistrée");
        assertTrue(mail.getText().contains("/entry/" + entry.getString("token")), mail.getText());
        assertTrue(mail.getText().contains("Dossard : " + entry.getInt("bib")), mail.getText());
        assertTrue(mail.getText().contains("Bib: " + entry.getInt("bib")), mail.getText());
        assertTrue(mail.getText().contains("25 €"), "the fee: " + mail.getText());
    }

    @Test
    void theLoggingMailerLogsTheMailWithoutItsLink() {
        List<String> logged = new CopyOnWriteArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                logged.add(((ExtLogRecord) record).getFormattedMessage());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger relay = Logger.getLogger(MailRelay.class.getName());
        relay.addHandler(handler);
        try {
            String address = uniqueAddress();
            String token = entered(runnerWithMail("22K", address)).getString("token");

            assertTrue(awaitMail(address, "Inscription enregistrée").getText().contains("/entry/" + token));
            String line = Eventually.until(() -> logged.stream().filter(l -> l.contains(address)).findFirst(),
                    Optional::isPresent, Duration.ofSeconds(10), none -> "the mail was not logged: " + logged).get();
            assertTrue(line.contains("/entry/[lien masqué / link redacted]"), line);
            assertFalse(line.contains(token), line);
            assertFalse(Logger.getLogger("quarkus-mailer").isLoggable(Level.INFO),
                    "Quarkus's logging mailer writes the link");
        } finally {
            relay.removeHandler(handler);
        }
    }

    @Test
    void aRefusedEntrySendsNothing() {
        String refused = uniqueAddress();
        Map<String, Object> noProof = runnerWithMail("22K", refused);
        noProof.remove("licenceNumber");
        register(noProof).statusCode(422);
        String accepted = uniqueAddress();
        entered(runnerWithMail("22K", accepted));

        // mails leave in the order their transactions commit: the next runner's mail came, the refused one never
        awaitMail(accepted, "Inscription");
        assertEquals(List.of(), mailsTo(refused));
    }

    @Test
    void anEntryUndoneBeforeItsTransactionEndsSendsNothing() {
        String undone = uniqueAddress();
        RegistrationRequest request = new RegistrationRequest("Léa", uniqueName(), EntryEvent.Sex.F,
                LocalDate.of(1990, 5, 14), "22K", "FRA", null, undone, true, uniqueLicence(), null, null, false, null,
                null, null, null, null, null, null, null, null);
        assertThrows(IllegalStateException.class, () -> QuarkusTransaction.requiringNew().run(() -> {
            registrations.register(request);
            throw new IllegalStateException("something after the entry failed");
        }));
        String accepted = uniqueAddress();
        entered(runnerWithMail("22K", accepted));

        awaitMail(accepted, "Inscription");
        assertEquals(List.of(), mailsTo(undone));
        assertEquals(0, Entry.count("email", undone));
    }

    @Test
    void theWaitlistPromotionTransferRaceChangeAndCancellationAreMailed() {
        String first = uniqueAddress();
        String waiting = uniqueAddress();
        String newRunner = uniqueAddress();
        JsonPath leaving = entered(runnerWithMail("MOVE-A", first));
        entered(runnerWithMail("MOVE-A", uniqueAddress()));
        entered(runnerWithMail("MOVE-A", waiting));
        assertTrue(awaitMail(waiting, "Inscription enregistrée").getText().contains("position 1"));

        String transferredToken = post(leaving.getString("token"), "transfer", runnerWithMail("MOVE-A", newRunner))
                .statusCode(200).extract().path("token");
        assertTrue(awaitMail(newRunner, "transfér").getText().contains("/entry/" + transferredToken));
        post(transferredToken, "race-change", Map.of("raceCode", "MOVE-B")).statusCode(200);
        assertTrue(awaitMail(newRunner, "Changement de course").getText().contains("Dossard : 95"));
        Mail promotion = awaitMail(waiting, "Une place");
        assertTrue(promotion.getText().contains("Dossard : 94"));
        // only the hash of the link is kept: a change not made through the link points to the first mail
        assertFalse(promotion.getText().contains("/entry/"), promotion.getText());
        assertTrue(promotion.getText().contains("is the one in the mail of your entry"), promotion.getText());
        post(transferredToken, "cancellation", Map.of()).statusCode(200);
        awaitMail(newRunner, "annulée");
        assertEquals(1, mailsTo(first).size(), "the first runner only heard of their own entry");
    }

    @Test
    void aMailWaitsForTheEntrysEarlierOneSoThatTheRunnerReadsThemInOrder() {
        String address = uniqueAddress();
        UUID entry = UUID.randomUUID();
        Instant now = Instant.now();
        QuarkusTransaction.requiringNew().run(() -> {
            // the entry's first mail failed and waits for its next attempt
            RunnerMail entered = owed(address, entry, EntryChanged.Change.ENTERED, now.minusSeconds(60));
            entered.attempts = 1;
            entered.nextAttemptAt = now.plusSeconds(3);
            entered.persist();
            owed(address, entry, EntryChanged.Change.CANCELLED, now).persist();
        });
        String other = uniqueAddress();
        QuarkusTransaction.requiringNew().run(() -> owed(other, UUID.randomUUID(), EntryChanged.Change.ENTERED,
                Instant.now()).persist());

        awaitMail(other, "Inscription");
        assertEquals(List.of(), mailsTo(address), "the cancellation waits for the entry's first mail");
        awaitMail(address, "annulée");
        assertEquals(List.of("Inscription enregistrée", "Inscription annulée"), mailsTo(address).stream()
                .map(mail -> mail.getSubject().substring(0, mail.getSubject().indexOf(" /"))).toList());
    }

    @Test
    void aMailAnotherReplicaIsClaimingIsSkippedNotWaitedFor() throws Exception {
        String sending = uniqueAddress();
        String next = uniqueAddress();
        // due tomorrow: this service's own relay leaves them alone
        Instant tomorrow = Instant.now().plus(Duration.ofDays(1));
        QuarkusTransaction.requiringNew().run(() -> {
            owed(sending, UUID.randomUUID(), EntryChanged.Change.ENTERED, tomorrow.minusSeconds(1)).persist();
            owed(next, UUID.randomUUID(), EntryChanged.Change.ENTERED, tomorrow).persist();
        });
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch claimed = new CountDownLatch(1);
        // the other replica holds the older mail, claiming it
        Thread replica = new Thread(() -> QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("SELECT id FROM runnermail WHERE recipient = ?1 FOR UPDATE")
                    .setParameter(1, sending).getResultList();
            locked.countDown();
            try {
                claimed.await(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        replica.start();
        try {
            assertTrue(locked.await(10, TimeUnit.SECONDS));
            List<String> recipients;
            QuarkusTransaction.begin();
            try {
                recipients = RunnerMail.claim(tomorrow, 100_000).stream().map(mail -> mail.recipient).toList();
            } finally {
                // a look, not a round: every mail claimed here stays as it was
                QuarkusTransaction.rollback();
            }
            assertTrue(recipients.contains(next), "the next mail is claimed at once");
            assertFalse(recipients.contains(sending), "the other replica's mail is left to it");
        } finally {
            claimed.countDown();
            replica.join();
            QuarkusTransaction.requiringNew().run(() -> RunnerMail.delete("recipient in ?1", List.of(sending, next)));
        }
    }

    @Test
    void aMailToACorrectedAddressDoesNotWaitBehindTheOneRefused() {
        String mistyped = uniqueAddress();
        String corrected = uniqueAddress();
        UUID entry = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> {
            RunnerMail refused = owed(mistyped, entry, EntryChanged.Change.ENTERED, Instant.now().minusSeconds(60));
            refused.attempts = 3;
            refused.nextAttemptAt = Instant.now().plus(Duration.ofMinutes(4));
            refused.persist();
            owed(corrected, entry, EntryChanged.Change.PROMOTED, Instant.now()).persist();
        });

        awaitMail(corrected, "Une place");
    }

    @Test
    void aTransferDropsTheMailsStillOwedToTheRunnerBefore() {
        String before = uniqueAddress();
        String after = uniqueAddress();
        JsonPath entry = entered(runnerWithMail("MOVE-A", before));
        awaitMail(before, "Inscription enregistrée");
        UUID id = UUID.fromString(entry.getString("id"));
        // a mail to the runner before that the server refused, still to be tried
        QuarkusTransaction.requiringNew().run(() -> {
            RunnerMail refused = owed(before, id, EntryChanged.Change.RACE_CHANGED, Instant.now());
            refused.attempts = 1;
            refused.nextAttemptAt = Instant.now().plusSeconds(60);
            refused.persist();
        });

        post(entry.getString("token"), "transfer", runnerWithMail("MOVE-A", after)).statusCode(200);
        awaitMail(after, "transfér");
        assertEquals(0, QuarkusTransaction.requiringNew().call(() -> RunnerMail.count("recipient", before)));
    }

    /** A mail owed, as a change writes it down. */
    static RunnerMail owed(String address, UUID entry, EntryChanged.Change change, Instant at) {
        RunnerMail mail = new RunnerMail();
        mail.change = change;
        mail.recipient = address;
        mail.firstName = "Léa";
        mail.entryId = entry;
        mail.raceName = "Trail des Pyramides Noires 22 km";
        mail.bib = 12;
        mail.token = "token-" + entry;
        mail.createdAt = at;
        mail.nextAttemptAt = at;
        return mail;
    }

    private List<Mail> mailsTo(String address) {
        List<Mail> sent = mailbox.getMailsSentTo(address);
        return sent == null ? List.of() : sent;
    }

    /** The first mail to the address whose subject contains the words, once it has come. */
    private Mail awaitMail(String address, String subject) {
        return Eventually.until(() -> mailsTo(address).stream().filter(mail -> mail.getSubject().contains(subject))
                        .findFirst(), Optional::isPresent, Duration.ofSeconds(10),
                none -> "No mail '" + subject + "' to " + address + " within 10 s").get();
    }
}
