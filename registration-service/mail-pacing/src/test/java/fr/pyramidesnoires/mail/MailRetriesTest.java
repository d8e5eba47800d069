package fr.pyramidesnoires.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class MailRetriesTest {

    private static final Instant WRITTEN = Instant.parse("2027-01-10T20:00:00Z");

    @ParameterizedTest(name = "after {0} failed attempts, the next in {1} minutes")
    @CsvSource({"1, 1", "2, 2", "3, 4", "4, 8", "5, 16", "6, 32", "7, 60", "8, 60", "30, 60"})
    void aMailIsTriedAgainSoonThenLessOftenUpToEveryHour(int attempts, long minutes) {
        Instant failedAt = WRITTEN.plus(Duration.ofMinutes(3));
        assertEquals(Optional.of(failedAt.plus(Duration.ofMinutes(minutes))),
                MailRetries.next(WRITTEN, attempts, failedAt));
    }

    @Test
    void aMailIsTriedForADayThenGivenUp() {
        Instant lastWithinTheDay = WRITTEN.plus(Duration.ofHours(23));
        assertEquals(Optional.of(WRITTEN.plus(Duration.ofDays(1))), MailRetries.next(WRITTEN, 12, lastWithinTheDay));
        assertEquals(Optional.empty(), MailRetries.next(WRITTEN, 13, lastWithinTheDay.plusSeconds(1)));
    }

    @Test
    void aFailureCountsTheAttemptAndSaysWhatWentWrong() {
        Instant failedAt = WRITTEN.plus(Duration.ofMinutes(3));
        assertEquals(new MailRetries.Failure(3, "451 try later", failedAt.plus(Duration.ofMinutes(4)), null),
                MailRetries.failure(WRITTEN, 2, failedAt, new IllegalStateException("451 try later")));
        Instant late = WRITTEN.plus(Duration.ofHours(25));
        assertEquals(new MailRetries.Failure(20, "java.lang.NullPointerException", late, late),
                MailRetries.failure(WRITTEN, 19, late, new NullPointerException()));
    }
}
