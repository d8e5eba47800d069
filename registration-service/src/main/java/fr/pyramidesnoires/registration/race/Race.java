package fr.pyramidesnoires.registration.race;

import fr.pyramidesnoires.events.RaceEvent;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import fr.pyramidesnoires.registration.price.Cents;
import fr.pyramidesnoires.registration.price.PaymentTerms;
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

    /** Terms are kept as the file gave them; instants with their offsets, as text. */
    private static final ObjectMapper TERMS = new ObjectMapper().findAndRegisterModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE);

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
    /** Whether the race's figures are an illustration (the sample races file), which results pages then say. */
    public boolean sample;
    /** The race's {@link PaymentTerms} as JSON; null for a race with its fee only. */
    @Column(columnDefinition = "text")
    public String payment;
    /**
     * A digest of the races-file definition last applied: the file overrides the race only when it changed, so
     * that an organiser's changes through the API survive a restart.
     */
    public String definitionDigest;

    /** The prices, extras, questions and refund policy of an entry into this race. */
    public PaymentTerms paymentTerms() {
        try {
            return payment == null ? PaymentTerms.NONE : TERMS.readValue(payment, PaymentTerms.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The payment terms kept for race " + code + " cannot be read", e);
        }
    }

    void paymentTerms(PaymentTerms terms) {
        try {
            payment = terms == null ? null : TERMS.writeValueAsString(terms);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The payment terms of race " + code + " cannot be written", e);
        }
    }

    public long feeCents() {
        return fee == null ? 0 : Cents.of(fee);
    }

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
        return new RaceEvent(code, name, distanceKm, elevationGainM, startTime, capacity, publication, sample);
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
