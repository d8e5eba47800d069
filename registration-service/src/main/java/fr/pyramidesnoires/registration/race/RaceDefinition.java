package fr.pyramidesnoires.registration.race;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import fr.pyramidesnoires.events.RaceEvent;
import fr.pyramidesnoires.registration.price.PaymentTerms;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Map;

/**
 * One race as the organiser writes it in the races file.
 *
 * @param publication how much of the results are public: RANKING when not given; left out of the digest then, so
 *                    that files written before it do not count as changed
 * @param fee         in the event's currency; a file gives it as fee, or as feeEur as older files do
 * @param nonBinaryDivision whether the race ranks a non-binary division (sex X); left out of the digest when
 *                          false, for the same reason
 * @param sample      the race's figures are an illustration, not the organiser's (the sample races file): results
 *                    say so on their pages; left out of the digest when false, for the same reason
 */
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
        // written as feeEur in the digest, the name older files gave it, so that they do not count as changed
        @JsonProperty("feeEur") @JsonAlias("fee") BigDecimal fee,
        @JsonInclude(JsonInclude.Include.NON_NULL) RaceEvent.Publication publication,
        @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean nonBinaryDivision,
        // prices, extras, questions and refund policy of a paid entry; left out of the digest when absent
        @JsonInclude(JsonInclude.Include.NON_NULL) PaymentTerms payment,
        @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean sample) {

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
        race.fee = fee;
        race.publication = publication == null ? RaceEvent.Publication.RANKING : publication;
        race.nonBinaryDivision = nonBinaryDivision;
        race.paymentTerms(payment);
        race.sample = sample;
    }
}
