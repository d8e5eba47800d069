package fr.pyramidesnoires.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

class EventJsonTest {

    @Test
    void chipReadKeepsMillisecondsAndReaderOffset() {
        ChipRead read = new ChipRead("R1", "START", "E200001", OffsetDateTime.parse("2026-03-21T07:00:01.234+01:00"),
                2, -61, 42L, ChipRead.Source.MAT);

        String json = EventJson.write(read);

        assertTrue(json.contains("\"2026-03-21T07:00:01.234+01:00\""), json);
        assertEquals(read, EventJson.read(json, ChipRead.class));
    }

    @Test
    void unknownFieldsFromANewerProducerAreIgnored() {
        ChipRead read = EventJson.read("{\"readerId\":\"R1\",\"matId\":\"FINISH\",\"chipId\":\"C1\","
                + "\"readTime\":\"2026-03-21T12:00:00.000Z\",\"firmware\":\"2.1\"}", ChipRead.class);

        assertEquals("C1", read.chipId());
    }

    @Test
    void aRaceFromBeforeThePublicationFieldPublishesItsRanking() {
        RaceEvent race = EventJson.read("{\"code\":\"22K\",\"name\":\"Trail\",\"distanceKm\":22,"
                + "\"elevationGainM\":350,\"startTime\":\"2027-03-20T09:00:00+01:00\",\"capacity\":300}",
                RaceEvent.class);

        assertEquals(RaceEvent.Publication.RANKING, race.publication());
        assertFalse(race.sample(), "a race from before the sample flag is the organiser's own");
        RaceEvent bibsOnly = new RaceEvent("5K", "Marche", 5, 50, OffsetDateTime.parse("2027-03-20T10:00:00+01:00"),
                100, RaceEvent.Publication.FINISHER_BIBS);
        assertEquals(bibsOnly, EventJson.read(EventJson.write(bibsOnly), RaceEvent.class));
        RaceEvent sample = new RaceEvent("22K", "Trail", 22, 350, OffsetDateTime.parse("2027-03-20T09:00:00+01:00"),
                300, RaceEvent.Publication.RANKING, true);
        assertEquals(sample, EventJson.read(EventJson.write(sample), RaceEvent.class));
    }

    @Test
    void aRunnerWhoRefusedPublicationCarriesNothingThatNamesThem() {
        EntryEvent hidden = new EntryEvent(EntryEvent.Type.UPSERTED, "e1", "22K", 7, "C7", "Léa", "Martin", true,
                EntryEvent.Sex.F, "SE", "AC Lens", "FRA", null);

        String json = EventJson.write(hidden);
        assertTrue(!json.contains("Léa") && !json.contains("Martin") && !json.contains("Lens")
                && !json.contains("FRA"), json);
        // nor does a message written before the rule, once read
        EntryEvent old = EventJson.read(json.replace("\"club\":null", "\"club\":\"AC Lens\""), EntryEvent.class);
        assertNull(old.club());
        assertEquals("SE", old.category());
        assertEquals(EntryEvent.Sex.F, old.sex());
    }

    @Test
    void aRunnersRefusalOfPassingAlertsTravelsAndOlderEntriesLetThemBeFollowed() {
        EntryEvent refused = new EntryEvent(EntryEvent.Type.UPSERTED, "e2", "22K", 8, "C8", "Léa", "Martin", false,
                EntryEvent.Sex.F, "SE", null, "FRA", null, true);
        assertEquals(refused, EventJson.read(EventJson.write(refused), EntryEvent.class));

        EntryEvent old = EventJson.read("{\"type\":\"UPSERTED\",\"entryId\":\"e3\",\"raceCode\":\"22K\","
                + "\"bib\":9,\"chip\":\"C9\",\"nameHidden\":false,\"sex\":\"H\"}", EntryEvent.class);
        assertEquals(false, old.passingAlertsRefused());
    }

    @Test
    void textThatIsNotAChipReadIsReportedAsMalformed() {
        assertThrows(EventJson.MalformedEventException.class, () -> EventJson.read("{\"readTime\":\"yesterday\"}", ChipRead.class));
        assertThrows(EventJson.MalformedEventException.class, () -> EventJson.read("not json", ChipRead.class));
        assertThrows(EventJson.MalformedEventException.class, () -> EventJson.read(null, ChipRead.class));
    }
}
