package fr.pyramidesnoires.registration.admin;

import com.fasterxml.jackson.annotation.JsonAlias;
import fr.pyramidesnoires.events.RaceEvent;
import fr.pyramidesnoires.registration.race.Race;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Map;

/**
 * What an organiser may change of a race while entries run; its course, date and bibs come from the races file.
 * Given whole: a null window bound, fee or limits means none.
 *
 * @param kmEffortLimits most km-effort per category code (e.g. "JU"), where the race differs from the defaults
 * @param publication    how much of the results are public: RANKING (the default), FINISHERS (who finished, in
 *                       bib order, without rank or time) or FINISHER_BIBS (only their bibs)
 */
public record RaceSettings(
        @NotNull @Min(0) Integer capacity,
        OffsetDateTime entriesOpen,
        OffsetDateTime entriesClose,
        // feeEur, as the API named it when fees were in euros, still read
        @DecimalMin("0") @JsonAlias("feeEur") BigDecimal fee,
        Map<String, Double> kmEffortLimits,
        boolean medicalCertificateAllowed,
        RaceEvent.Publication publication) {

    public RaceSettings {
        if (publication == null) {
            publication = RaceEvent.Publication.RANKING;
        }
    }

    static RaceSettings of(Race race) {
        return new RaceSettings(race.capacity, race.entriesOpen, race.entriesClose, race.fee, race.kmEffortLimits,
                race.medicalCertificateAllowed, race.publication);
    }
}
