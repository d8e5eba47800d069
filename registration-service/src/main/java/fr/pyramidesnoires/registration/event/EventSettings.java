package fr.pyramidesnoires.registration.event;

import fr.pyramidesnoires.events.Units;
import fr.pyramidesnoires.registration.category.CategoryRule;
import fr.pyramidesnoires.registration.eligibility.EntryRules;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The event's own rules, currency and units, from its settings (EVENT_ELIGIBILITY, EVENT_CATEGORIES,
 * EVENT_MINIMUM_AGE, EVENT_CURRENCY, EVENT_UNITS, EVENT_WAIVER_TEXT); without any, the French sample event's. Read
 * at start-up, so that a misspelt setting stops the service with its reason instead of misjudging entries. Pages
 * reach it as {@code inject:event}.
 */
@Startup
@ApplicationScoped
@Named("event")
public class EventSettings {

    private static final DateTimeFormatter FRENCH = DateTimeFormatter.ofPattern("dd/MM/yyyy 'à' HH:mm", Locale.FRENCH);
    private static final DateTimeFormatter ENGLISH =
            DateTimeFormatter.ofPattern("d MMM yyyy 'at' HH:mm", Locale.ENGLISH);

    private final EntryRules rules;
    private final Currency currency;
    private final Units units;
    private final String waiverText;
    private final ZoneId zone;

    EventSettings(@ConfigProperty(name = "registration.event-zone") ZoneId zone,
                  @ConfigProperty(name = "registration.event.eligibility") String eligibility,
                  @ConfigProperty(name = "registration.event.categories") String categories,
                  @ConfigProperty(name = "registration.event.minimum-age") Optional<Integer> minimumAge,
                  @ConfigProperty(name = "registration.event.currency") String currency,
                  @ConfigProperty(name = "registration.event.units") String units,
                  @ConfigProperty(name = "registration.event.waiver-text") String waiverText) {
        this.rules = new EntryRules(EntryRules.Proof.of(eligibility), CategoryRule.of(categories),
                minimumAge.map(OptionalInt::of).orElse(OptionalInt.empty()));
        this.currency = Money.currency(currency);
        this.units = Units.of(units);
        this.waiverText = waiverText;
        this.zone = zone;
    }

    public ZoneId zone() {
        return zone;
    }

    /** An instant as a runner of the event reads it, in its zone: "20/03/2027 à 09:15". */
    public String dateTimeFr(Instant instant) {
        return instant == null ? null : FRENCH.format(instant.atZone(zone));
    }

    /** The same in English: "20 Mar 2027 at 09:15". */
    public String dateTimeEn(Instant instant) {
        return instant == null ? null : ENGLISH.format(instant.atZone(zone));
    }

    public EntryRules rules() {
        return rules;
    }

    /**
     * Whether the FFA's rules apply: the form asks for an FFA licence, a PPS or a certificate, and races have
     * km-effort limits.
     */
    public boolean ffaEligibility() {
        return rules.proof() == EntryRules.Proof.FFA;
    }

    /** Whether the form asks the runner to accept the event's waiver. */
    public boolean waiver() {
        return rules.proof() == EntryRules.Proof.WAIVER;
    }

    public String waiverText() {
        return waiverText;
    }

    public Currency currency() {
        return currency;
    }

    public String currencyCode() {
        return currency.getCurrencyCode();
    }

    public String feeFr(BigDecimal fee) {
        return fee == null ? null : Money.french(fee, currency);
    }

    public String feeEn(BigDecimal fee) {
        return fee == null ? null : Money.english(fee, currency);
    }

    /** An amount kept in cents, as French text writes it. */
    public String centsFr(long cents) {
        return Money.french(BigDecimal.valueOf(cents, 2), currency);
    }

    /** An amount kept in cents, as English text writes it. */
    public String centsEn(long cents) {
        return Money.english(BigDecimal.valueOf(cents, 2), currency);
    }

    public Units units() {
        return units;
    }

    /** A distance kept in km, in the event's units to a tenth: "22 km", "13.7 mi". */
    public String distance(double km) {
        return BigDecimal.valueOf(units.distance(km)).setScale(1, RoundingMode.HALF_UP).stripTrailingZeros()
                .toPlainString() + " " + units.distanceUnit();
    }

    /** A climb kept in metres, in the event's units: "400 m", "1312 ft". */
    public String climb(int metres) {
        return units.climbWritten(metres);
    }
}
