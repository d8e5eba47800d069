package fr.pyramidesnoires.registration.payment;

import static fr.pyramidesnoires.registration.payment.Paying.count;
import static fr.pyramidesnoires.registration.payment.Paying.holdAndSweep;
import static fr.pyramidesnoires.registration.payment.Paying.openCheckout;
import static fr.pyramidesnoires.registration.payment.Paying.runner;
import static fr.pyramidesnoires.registration.payment.Paying.stripe;
import static fr.pyramidesnoires.registration.payment.Paying.until;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.pyramidesnoires.registration.entry.Entry;
import fr.pyramidesnoires.registration.entry.EntryStatus;
import fr.pyramidesnoires.registration.entry.RegistrationTest;
import fr.pyramidesnoires.registration.payment.stripe.EmulatedStripe;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * 300 runners race for the last 10 places of a paid race: some pay at once, some abandon the provider's page, some
 * come back to pay after their hold ended. Watched all along from the database: never more places taken, nor more
 * runners confirmed, than the race has; every abandoned place goes to the waitlist, in its order.
 */
@QuarkusTest
@TestProfile(EmulatedStripe.class)
class PaidRushTest {

    private static final String RACE = "PAID-RUSH";
    private static final int PLACES = 10;
    private static final int RUNNERS = 300;

    @TestHTTPResource("/api/payments/stripe/webhook")
    URL webhook;

    @Inject
    MockMailbox mailbox;

    @Test
    void neverMoreConfirmedThanThePlacesAndEveryAbandonedPlaceGoesDownTheWaitlist() throws Exception {
        stripe().up();
        stripe().webhookUrl(webhook.toString());
        PaidEntryTest.emptyRace(RACE);
        AtomicLong mostTaken = new AtomicLong();
        AtomicLong mostConfirmed = new AtomicLong();
        AtomicBoolean watching = new AtomicBoolean(true);
        Thread watcher = new Thread(() -> {
            while (watching.get()) {
                mostTaken.accumulateAndGet(QuarkusTransaction.requiringNew().call(() -> Entry.placesTaken(RACE)),
                        Math::max);
                mostConfirmed.accumulateAndGet(count(RACE, EntryStatus.CONFIRMED), Math::max);
                pause();
            }
        });
        watcher.start();

        // runners offered a freed place pay through their mail's link as soon as it comes, while others register
        String batch = UUID.randomUUID().toString().substring(0, 8);
        Map<String, String> offered = new ConcurrentHashMap<>();
        Thread offeredPay = new Thread(() -> {
            while (watching.get()) {
                for (int i = 0; i < RUNNERS; i++) {
                    String address = address(batch, i);
                    mailbox.getMailsSentTo(address).stream().filter(mail -> mail.getSubject().contains("à payer"))
                            .findFirst().filter(mail -> offered.putIfAbsent(address, mail.getText()) == null)
                            .ifPresent(mail -> {
                                Matcher token = Pattern.compile("/entry/([A-Za-z0-9_-]+)").matcher(mail.getText());
                                token.find();
                                try {
                                    stripe().pay(openCheckout(token.group(1)));
                                } catch (AssertionError | IllegalStateException tooLate) {
                                    // the offer ran out first: the next runner on the waitlist is offered it
                                }
                            });
                }
                pause();
            }
        });
        offeredPay.start();

        // the first four runners given a place pay at once; the next three leave the provider's page; the last
        // three come back to it once their hold has ended
        AtomicInteger held = new AtomicInteger();
        List<String> lateCheckouts = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(32);
        List<Future<JsonPath>> answers = new ArrayList<>();
        for (int i = 0; i < RUNNERS; i++) {
            Map<String, Object> body = runner(RACE, Map.of("email", address(batch, i)));
            answers.add(pool.submit(() -> {
                JsonPath answer = RegistrationTest.register(body).statusCode(201).extract().jsonPath();
                if (answer.getString("status").equals("HELD")) {
                    int turn = held.getAndIncrement();
                    String checkout = openCheckout(answer.getString("token"));
                    if (turn < 4) {
                        payOrComeTooLate(checkout, lateCheckouts);
                    } else if (turn >= 7) {
                        synchronized (lateCheckouts) {
                            lateCheckouts.add(checkout);
                        }
                    }
                }
                return answer;
            }));
        }
        List<JsonPath> entries = new ArrayList<>();
        for (Future<JsonPath> answer : answers) {
            entries.add(answer.get());
        }
        pool.shutdown();
        assertEquals(PLACES, entries.stream().filter(e -> e.getString("status").equals("HELD")).count());
        List<JsonPath> waitlist = entries.stream().filter(e -> e.getString("status").equals("WAITLISTED"))
                .sorted(Comparator.comparingLong(e -> e.getLong("waitlistPosition"))).toList();
        assertEquals(RUNNERS - PLACES, waitlist.size());

        until("the places left unpaid offered down the waitlist and paid", holdAndSweep().multipliedBy(3),
                () -> count(RACE, EntryStatus.CONFIRMED) == PLACES);
        // on a slow machine a hold may run out before its runner pays: then one more place goes down the waitlist
        long ended = QuarkusTransaction.requiringNew().call(() ->
                Entry.count("raceCode = ?1 and holdExpiredAt is not null", RACE));
        assertTrue(ended >= 6, "at least the six unpaid holds ended, " + ended);
        assertEquals(waitlist.subList(0, (int) ended).stream().map(PaidRushTest::addressOf)
                .collect(Collectors.toSet()), offered.keySet(), "each place went to the next on the waitlist");

        // the runners who come back too late find the provider's page closed: nothing is charged
        for (String late : lateCheckouts) {
            given().post(stripe().url() + "/pay/" + late).then().statusCode(410);
        }
        watching.set(false);
        watcher.join();
        offeredPay.join();
        assertEquals(PLACES, count(RACE, EntryStatus.CONFIRMED));
        assertEquals(0, count(RACE, EntryStatus.HELD));
        assertEquals(RUNNERS - PLACES - ended, count(RACE, EntryStatus.WAITLISTED));
        assertTrue(mostTaken.get() <= PLACES, "places taken at most " + PLACES + ", seen " + mostTaken.get());
        assertTrue(mostConfirmed.get() <= PLACES, "confirmed at most " + PLACES + ", seen " + mostConfirmed.get());
        // a runner who paid as their hold ended, once the place had gone on, gets all of it back
        long paid = QuarkusTransaction.requiringNew().call(() -> Payment.count("raceCode = ?1 and status = ?2", RACE,
                Payment.Status.PAID));
        until("every payment beyond the places refunded in full at the provider", Duration.ofSeconds(20), () ->
                QuarkusTransaction.requiringNew().call(() -> PaymentRefund.count("raceCode = ?1 and reason in ?2 and"
                        + " providerRefundId is not null", RACE, List.of(PaymentRefund.Reason.LATE,
                        PaymentRefund.Reason.DUPLICATE))) == paid - PLACES);
    }

    /** The checkout's page may already be closed, when the runner's hold ran out before they got to it. */
    private static void payOrComeTooLate(String checkout, List<String> late) {
        try {
            stripe().pay(checkout);
        } catch (IllegalStateException expired) {
            synchronized (late) {
                late.add(checkout);
            }
        }
    }

    private static String address(String batch, int runner) {
        return "rush-" + batch + "-" + runner + "@example.org";
    }

    private static void pause() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String addressOf(JsonPath entry) {
        return QuarkusTransaction.requiringNew().call(() ->
                Entry.<Entry>findById(UUID.fromString(entry.getString("id"))).email);
    }
}
