package fr.pyramidesnoires.registration.race;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The races file as organisers abroad write it, and the faults that must stop the service at start-up. */
@QuarkusTest
class RacesFileTest {

    @Inject
    RaceCatalog catalog;
    @Inject
    ObjectMapper json;

    private List<RaceDefinition> parse(String races) throws IOException {
        return catalog.parse(json.readTree(races));
    }

    private String refusal(String races) {
        return assertThrows(IllegalStateException.class, () -> parse(races)).getMessage();
    }

    private static String race(String fields) {
        return "[{\"code\": \"50M\", \"name\": \"Fifty miles\", \"capacity\": 10, \"bibFirst\": 1, \"bibLast\": 10, "
                + fields + "}]";
    }

    @Test
    void aZoneNameGivesTheOffsetInForceThatDayAcrossADaylightSavingChange() {
        Race denver = QuarkusTransaction.requiringNew().call(() -> Race.findById("DENVER"));

        // 05:00 in Denver after the change of 14 March 2027 is UTC-6; 23:00 on the 10th, before it, UTC-7
        assertEquals(Instant.parse("2027-03-20T11:00:00Z"), denver.startTime.toInstant());
        assertEquals(Instant.parse("2027-03-11T06:00:00Z"), denver.entriesClose.toInstant());
        // neither offset nor zone: the event's zone, Paris in winter
        assertEquals(Instant.parse("2025-12-31T23:00:00Z"), denver.entriesOpen.toInstant());
    }

    @Test
    void anHourTheClocksSkipOrRepeatIsRefusedUnlessTheOffsetSaysWhich() throws IOException {
        assertTrue(refusal(race("\"distanceKm\": 80.5, \"startTime\": \"2027-03-14T02:30:00[America/Denver]\""))
                .contains("does not exist in America/Denver"));
        assertTrue(refusal(race("\"distanceKm\": 80.5, \"startTime\": \"2027-11-07T01:30:00[America/Denver]\""))
                .contains("happens twice in America/Denver"));
        assertEquals(Instant.parse("2027-11-07T08:30:00Z"), parse(race("\"distanceKm\": 80.5,"
                + " \"startTime\": \"2027-11-07T01:30:00-07:00[America/Denver]\"")).get(0).startTime().toInstant());
        String wrongOffset = refusal(race("\"distanceKm\": 80.5,"
                + " \"startTime\": \"2027-07-01T05:00:00-07:00[America/Denver]\""));
        assertTrue(wrongOffset.contains("Race 50M in the races file: field startTime"), wrongOffset);
    }

    @Test
    void aRaceWithoutADistanceIsRefusedNamingTheRaceAndTheField() {
        String none = refusal(race("\"startTime\": \"2027-03-20T05:00:00+01:00\""));
        assertTrue(none.startsWith("Race 50M in the races file gives no distance: distanceKm"), none);
        String zero = refusal(race("\"distanceKm\": 0, \"startTime\": \"2027-03-20T05:00:00+01:00\""));
        assertTrue(zero.startsWith("Race 50M in the races file gives no distance: distanceKm"), zero);
        String negative = refusal(race("\"distanceMiles\": -3, \"startTime\": \"2027-03-20T05:00:00+01:00\""));
        assertTrue(negative.startsWith("Race 50M in the races file gives no distance: distanceMiles"), negative);
        String leagues = refusal(race("\"distanceLeagues\": 5, \"startTime\": \"2027-03-20T05:00:00+01:00\""));
        assertTrue(leagues.startsWith("Race 50M in the races file has an unknown field distanceLeagues"), leagues);
    }

    @Test
    void aDistanceInMilesAndAClimbInFeetAreKeptInKmAndMetres() throws IOException {
        RaceDefinition fifty = parse(race("\"distanceMiles\": 50, \"elevationGainFt\": 10000,"
                + " \"startTime\": \"2027-03-20T05:00:00+01:00\"")).get(0);
        assertEquals(80.4672, fifty.distanceKm(), 1e-9);
        assertEquals(3048, fifty.elevationGainM());
        Race boulder = QuarkusTransaction.requiringNew().call(() -> Race.findById("BOULDER"));
        assertEquals(50.05, boulder.distanceKm, 0.01);
        assertEquals(1000, boulder.elevationGainM);
    }

    @Test
    void aRaceGivingAFieldTwiceInTwoFormsIsRefusedNamingBoth() {
        String distance = refusal(race("\"distanceKm\": 80, \"distanceMiles\": 50,"
                + " \"startTime\": \"2027-03-20T05:00:00+01:00\""));
        assertEquals("Race 50M in the races file gives both distanceKm and distanceMiles: give one of them", distance);
        String climb = refusal(race("\"distanceKm\": 80, \"elevationGainM\": 100, \"elevationGainFt\": 328,"
                + " \"startTime\": \"2027-03-20T05:00:00+01:00\""));
        assertTrue(climb.contains("gives both elevationGainM and elevationGainFt"), climb);
        String fee = refusal(race("\"distanceKm\": 80, \"fee\": 50, \"feeEur\": 50,"
                + " \"startTime\": \"2027-03-20T05:00:00+01:00\""));
        assertTrue(fee.contains("gives both fee and feeEur"), fee);
        String feet = refusal(race("\"distanceKm\": 80, \"elevationGainFt\": \"a lot\","
                + " \"startTime\": \"2027-03-20T05:00:00+01:00\""));
        assertTrue(feet.contains("elevationGainFt must be a number of feet"), feet);
    }

    @Test
    void theFeeIsReadAsFeeOrAsFeeEurAndKeepsTheOlderNameInTheDigest() throws IOException {
        RaceDefinition fee = parse(race("\"distanceKm\": 80, \"fee\": 50,"
                + " \"startTime\": \"2027-03-20T05:00:00+01:00\"")).get(0);
        RaceDefinition feeEur = parse(race("\"distanceKm\": 80, \"feeEur\": 50,"
                + " \"startTime\": \"2027-03-20T05:00:00+01:00\"")).get(0);
        assertEquals(0, new BigDecimal(50).compareTo(fee.fee()));
        assertEquals(fee, feeEur);
        // a file written before the fee took the event's currency must not count as changed
        assertTrue(json.writeValueAsString(feeEur).contains("\"feeEur\":50"));
    }

    @Test
    void sampleFiguresAreAFlagTheResultsPagesSayNotPartOfTheRacesName() throws IOException {
        Race sample = QuarkusTransaction.requiringNew().call(() -> Race.findById("110K"));
        assertEquals("Ultra des Pyramides Noires 110 km (20 terrils)", sample.publicEvent().name());
        assertTrue(sample.publicEvent().sample());
        try (InputStream file = getClass().getClassLoader().getResourceAsStream("races-sample.json")) {
            assertTrue(catalog.parse(json.readTree(file)).stream()
                    .allMatch(race -> race.sample() && !race.name().toUpperCase().contains("SAMPLE")));
        }
        // an organiser's race, written before the flag, keeps its digest: it does not count as changed
        RaceDefinition own = parse(race("\"distanceKm\": 80, \"startTime\": \"2027-03-20T05:00:00+01:00\"")).get(0);
        assertTrue(!own.sample() && !json.writeValueAsString(own).contains("sample"));
    }

    @Test
    void filesWithOffsetsReadAsBeforeSoNoRaceCountsAsChanged() throws IOException {
        try (InputStream sample = getClass().getClassLoader().getResourceAsStream("races-sample.json");
             InputStream again = getClass().getClassLoader().getResourceAsStream("races-sample.json")) {
            List<RaceDefinition> asBefore = List.of(json.readValue(sample, RaceDefinition[].class));
            assertEquals(asBefore, catalog.parse(json.readTree(again)));
            assertEquals(OffsetDateTime.parse("2027-03-20T05:00:00+01:00").toInstant(),
                    asBefore.get(0).startTime().toInstant());
        }
    }
}
