package fr.pyramidesnoires.registration.race;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Map;

/** One race as the organiser writes it in the races file. */
public record RaceDefinition(
        String code,
        String name,
        double distanceKm,
        int elevationGainM,
        OffsetDateTime startTime,
        int capacity,
        int bibFirst,
        int bibLast,
        Map<String, Double> kmEffortLimits,
        boolean medicalCertificateAllowed,
        OffsetDateTime entriesOpen,
        OffsetDateTime entriesClose,
        BigDecimal feeEur) {

    void applyTo(Race race) {
        race.code = code;
        race.name = name;
        race.distanceKm = distanceKm;
        race.elevationGainM = elevationGainM;
        race.startTime = startTime;
        race.capacity = capacity;
        race.bibFirst = bibFirst;
        race.bibLast = bibLast;
        race.kmEffortLimits = kmEffortLimits;
        race.medicalCertificateAllowed = medicalCertificateAllowed;
        race.entriesOpen = entriesOpen;
        race.entriesClose = entriesClose;
        race.feeEur = feeEur;
    }
}
