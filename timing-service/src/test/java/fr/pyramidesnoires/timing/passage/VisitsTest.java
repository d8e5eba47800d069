package fr.pyramidesnoires.timing.passage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fr.pyramidesnoires.timing.passage.Visits.Visit;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class VisitsTest {

    static final Instant IN = Instant.parse("2027-03-20T09:12:00Z");
    static final Duration MIN_STAY = Duration.ofSeconds(30);
    static final Duration MAX_STAY = Duration.ofHours(2);

    static Instant at(String afterArrival) {
        return IN.plus(Duration.parse(afterArrival));
    }

    @Test
    void theFirstReadIsTheArrivalAndTheLastTheDeparture() {
        List<Instant> reads = List.of(IN, at("PT0.3S"), at("PT0.6S"), at("PT12M40S"), at("PT12M40.4S"));

        assertEquals(List.of(new Visit(IN, at("PT12M40.4S"))), Visits.of(reads, MIN_STAY, MAX_STAY));
    }

    @Test
    void aRunnerStillOnTheMatOrJustBesideItHasNotLeft() {
        List<Instant> reads = List.of(IN, at("PT0.3S"), at("PT8S"), at("PT29.999S"));

        assertEquals(List.of(new Visit(IN, null)), Visits.of(reads, MIN_STAY, MAX_STAY));
    }

    @Test
    void aReadExactlyTheMinimumStayAfterTheArrivalIsADeparture() {
        assertEquals(List.of(new Visit(IN, at("PT30S"))), Visits.of(List.of(IN, at("PT30S")), MIN_STAY, MAX_STAY));
    }

    @Test
    void aReadLaterThanTheLongestStayIsTheNextVisit() {
        List<Instant> reads = List.of(IN, at("PT5M"), at("PT2H0M0.001S"), at("PT2H0M1S"), at("PT2H15M"));

        assertEquals(List.of(new Visit(IN, at("PT5M")), new Visit(at("PT2H0M0.001S"), at("PT2H15M"))),
                Visits.of(reads, MIN_STAY, MAX_STAY));
    }

    @Test
    void whereTheCoursePassesOnceEveryReadIsOfTheOneVisit() {
        List<Instant> reads = List.of(IN, at("PT1H"), at("PT5H30M"));

        assertEquals(List.of(new Visit(IN, at("PT5H30M"))), Visits.of(reads, MIN_STAY, null));
    }

    @Test
    void duplicatedShuffledReadsGiveTheSameVisits() {
        List<Instant> inOrder = List.of(IN, at("PT0.2S"), at("PT9M"), at("PT9M0.5S"), at("PT3H"), at("PT3H0M1S"));
        List<Visit> expected = Visits.of(inOrder, MIN_STAY, MAX_STAY);
        Random random = new Random(18);
        for (int run = 0; run < 30; run++) {
            List<Instant> delivered = new ArrayList<>(inOrder);
            delivered.addAll(inOrder.subList(0, random.nextInt(inOrder.size())));
            Collections.shuffle(delivered, random);
            assertEquals(expected, Visits.of(delivered, MIN_STAY, MAX_STAY));
        }
        assertEquals(List.of(new Visit(IN, at("PT9M0.5S")), new Visit(at("PT3H"), null)), expected);
    }

    @Test
    void noReadNoVisit() {
        assertEquals(List.of(), Visits.of(List.of(), MIN_STAY, MAX_STAY));
    }
}
