package fr.pyramidesnoires.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class SendingPaceTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void aSecondsWorthMayGoAtOnceThenTheRateHolds() {
        SendingPace pace = new SendingPace(10, 0);
        assertEquals(10, pace.allowed(0));
        pace.tried(10);
        assertEquals(0, pace.allowed(SECOND / 20));
        assertEquals(1, pace.allowed(SECOND / 10));
        pace.tried(1);
        assertEquals(5, pace.allowed(SECOND / 10 + SECOND / 2));
    }

    @Test
    void whatIsNotUsedDoesNotPileUpBeyondOneSecond() {
        SendingPace pace = new SendingPace(10, 0);
        assertEquals(10, pace.allowed(3600 * SECOND));
        pace.tried(4);
        assertEquals(6, pace.allowed(3600 * SECOND));
    }

    @Test
    void fewerMailsTriedThanAllowedLeaveTheRestForLater() {
        SendingPace pace = new SendingPace(100, 0);
        pace.tried(30);
        assertEquals(70, pace.allowed(0));
    }

    @Test
    void thePaceIsAtLeastOneMailASecond() {
        assertThrows(IllegalArgumentException.class, () -> new SendingPace(0, 0));
    }
}
