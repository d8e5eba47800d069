package fr.pyramidesnoires.registration.race;

import fr.pyramidesnoires.events.RaceEvent;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import fr.pyramidesnoires.registration.category.Category;
import fr.pyramidesnoires.registration.eligibility.Eligibility;
import fr.pyramidesnoires.registration.eligibility.EntryRules;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import java.time.OffsetDateTime;

@Entity
public class Race extends PanacheEntityBase {

    @Id
    public String code;
    public String name;
    public double distanceKm;
    public int elevationGainM;
    public OffsetDateTime startTime;
    public int capacity;
    public int bibFirst;
    public int bibLast;
    /** Most km-effort per category code where this race differs from the federation's defaults. */
    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, Double> kmEffortLimits;
    public boolean medicalCertificateAllowed;
    /** Whether the race ranks a non-binary division (sex X); entries with X are refused otherwise. */
    public boolean nonBinaryDivision;
    /** Entries window; a missing bound leaves that side open. */
    public OffsetDateTime entriesOpen;
    public OffsetDateTime entriesClose;
    /** In the event's currency (EVENT_CURRENCY), shown to the runner; paid elsewhere, the platform takes none. */
    public BigDecimal fee;
    /** How much of the race's results are public; the ranking unless the organiser chose less. */
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public RaceEvent.Publication publication = RaceEvent.Publication.RANKING;
    /**
     * A digest of the races-file definition last applied: the file overrides the race only when it changed, so
     * that an organiser's changes through the API survive a restart.
     */
    public String definitionDigest;

    public double kmEffort() {
        return Eligibility.kmEffort(distanceKm, elevationGainM);
    }

    public Map<Category, Double> limits() {
        Map<Category, Double> limits = new EnumMap<>(Category.class);
        if (kmEffortLimits != null) {
            kmEffortLimits.forEach((category, limit) -> limits.put(Category.valueOf(category), limit));
        }
        return limits;
    }

    /** What of this race decides an entry. */
    public EntryRules.RaceTerms terms() {
        return new EntryRules.RaceTerms(raceDay(), kmEffort(), limits(), medicalCertificateAllowed);
    }

    public RaceEvent publicEvent() {
        return new RaceEvent(code, name, distanceKm, elevationGainM, startTime, capacity, publication);
    }

    public LocalDate raceDay() {
        return startTime.toLocalDate();
    }

    /**
     * The race row is the lock that serialises entries into one race: capacity and bibs are decided under it.
     */
    public static Race lockForEntry(String code) {
        return findById(code, LockModeType.PESSIMISTIC_WRITE);
    }
}
