package fr.pyramidesnoires.matagent.status;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.pyramidesnoires.matagent.forward.Delivery;
import fr.pyramidesnoires.matagent.reader.ReaderTap;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The volunteer's light, rule by rule. */
class MatLightTest {

    static final Instant NOW = Instant.parse("2027-03-20T10:00:00Z");
    static final MatLight.Rules ALL_DAY = new MatLight.Rules(null, null, Duration.ofMinutes(10), Duration.ofMinutes(2),
            Duration.ofSeconds(1));
    static final Delivery JUST_DELIVERED = new Delivery(NOW.minusSeconds(5), null, Duration.ofMillis(40), 0, null);

    static ReaderTap.State reader(boolean connected, Instant lastRead, Duration clock) {
        return new ReaderTap.State("R-MAIN", "llrp", connected, lastRead, connected ? null : "Connection refused",
                Map.of(), List.of(), clock, List.of(), 0);
    }

    static MatLight.Light light(ReaderTap.State reader, Delivery delivery, long waiting, MatLight.Rules rules) {
        return MatLight.of(List.of(reader), delivery, waiting, NOW, rules);
    }

    @Test
    void aConnectedReaderReadingAndEverythingSentIsGreen() {
        MatLight.Light light = light(reader(true, NOW.minusSeconds(30), Duration.ofMillis(300)), JUST_DELIVERED, 0,
                ALL_DAY);
        assertEquals(MatLight.Colour.GREEN, light.colour());
        assertEquals(List.of(), light.reasons());
    }

    @Test
    void aReaderNotConnectedIsRedAndSaysWhy() {
        MatLight.Light light = light(reader(false, null, null), JUST_DELIVERED, 0, ALL_DAY);
        assertEquals(MatLight.Colour.RED, light.colour());
        assertTrue(light.reasons().get(0).contains("non connecté") && light.reasons().get(0).contains("refused"),
                light.reasons().toString());
    }

    @Test
    void aReaderSilentWhileRunnersAreExpectedIsOrangeNotBeforeTheyAre() {
        ReaderTap.State silent = reader(true, NOW.minus(Duration.ofMinutes(25)), null);
        assertEquals(MatLight.Colour.ORANGE, light(silent, JUST_DELIVERED, 0, ALL_DAY).colour());
        assertTrue(light(silent, JUST_DELIVERED, 0, ALL_DAY).reasons().get(0).contains("25 min"));

        MatLight.Rules afternoon = new MatLight.Rules(NOW.plus(Duration.ofHours(3)), NOW.plus(Duration.ofHours(8)),
                Duration.ofMinutes(10), Duration.ofMinutes(2), Duration.ofSeconds(1));
        assertEquals(MatLight.Colour.GREEN, light(silent, JUST_DELIVERED, 0, afternoon).colour(),
                "before the first runner is due, quiet is normal");
        assertEquals(MatLight.Colour.GREEN, light(reader(true, null, null), JUST_DELIVERED, 0, ALL_DAY).colour(),
                "without a window, runners are expected once the mat read its first");
        MatLight.Rules now = new MatLight.Rules(NOW.minusSeconds(60), NOW.plus(Duration.ofHours(8)),
                Duration.ofMinutes(10), Duration.ofMinutes(2), Duration.ofSeconds(1));
        assertEquals(MatLight.Colour.ORANGE, light(reader(true, null, null), JUST_DELIVERED, 0, now).colour(),
                "a reader that never read while runners are due");
    }

    @Test
    void readsWaitingWithoutADeliveryForMinutesAreOrangeAndARefusingPlatformRed() {
        Delivery down = new Delivery(NOW.minus(Duration.ofMinutes(7)), "platform unreachable: timeout", null, 0,
                null);
        MatLight.Light waiting = light(reader(true, NOW, null), down, 342, ALL_DAY);
        assertEquals(MatLight.Colour.ORANGE, waiting.colour());
        assertTrue(waiting.reasons().get(0).startsWith("342 lectures en attente"), waiting.reasons().toString());
        assertEquals(MatLight.Colour.GREEN, light(reader(true, NOW, null), new Delivery(NOW.minusSeconds(20),
                "platform unreachable", null, 0, null), 342, ALL_DAY).colour(), "a delivery moments ago: a blip");

        Delivery refused = new Delivery(null, "platform answered 401: {\"title\":\"Unauthorized\"}", null, 0, null);
        assertEquals(MatLight.Colour.RED, light(reader(true, NOW, null), refused, 10, ALL_DAY).colour());
    }

    @Test
    void readsThePlatformQuarantinedLatelyAreOrange() {
        Delivery refusing = new Delivery(NOW.minusSeconds(5), null, Duration.ZERO, 42, NOW.minusSeconds(5));
        MatLight.Light light = light(reader(true, NOW, null), refusing, 0, ALL_DAY);
        assertEquals(MatLight.Colour.ORANGE, light.colour());
        assertTrue(light.reasons().get(0).contains("quarantaine (42"), light.reasons().toString());
        Delivery longAgo = new Delivery(NOW.minusSeconds(5), null, Duration.ZERO, 42, NOW.minus(Duration.ofHours(1)));
        assertEquals(MatLight.Colour.GREEN, light(reader(true, NOW, null), longAgo, 0, ALL_DAY).colour());
    }

    @Test
    void aReaderClockOffFromThePlatformsIsOrangeWhateverTheLaptopsClock() {
        // the laptop is 5 s behind both: the reader is 0.3 s from the platform, fine
        Delivery laptopBehind = new Delivery(NOW, null, Duration.ofSeconds(5), 0, null);
        assertEquals(MatLight.Colour.GREEN,
                light(reader(true, NOW, Duration.ofMillis(5300)), laptopBehind, 0, ALL_DAY).colour());
        MatLight.Light off = light(reader(true, NOW, Duration.ofMillis(2500)), laptopBehind, 0, ALL_DAY);
        assertEquals(MatLight.Colour.ORANGE, off.colour());
        assertTrue(off.reasons().get(0).contains("-2.5 s"), off.reasons().toString());
    }
}
